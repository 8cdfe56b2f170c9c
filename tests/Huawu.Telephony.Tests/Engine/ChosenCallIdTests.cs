using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>
/// <see cref="OriginateRequest.Id"/>: a dialer writes the call's id into its attempt before dialling, so the call must carry exactly
/// that id (in its events and records), and an id already in use must not place a second call.
/// </summary>
public sealed class ChosenCallIdTests
{
    [Fact]
    public async Task A_call_placed_with_a_chosen_id_carries_it_and_the_id_cannot_be_reused_while_the_call_lives()
    {
        await using var rig = await EngineRig.StartAsync();
        var id = new CallId("0123456789abcdef");

        var result = await rig.Caller.OriginateAsync(new OriginateRequest("echo") { Trunk = "callee", Id = id }).Within();

        Assert.True(result.IsAnswered, result.ToString());
        Assert.Equal(id, result.Call!.Id);
        Assert.Equal(id, rig.CallerEvents.All<CallCreated>().Single().CallId);
        Assert.Same(result.Call, rig.Caller.FindCall(id));

        var again = await rig.Caller.OriginateAsync(new OriginateRequest("echo") { Trunk = "callee", Id = id }).Within();
        Assert.False(again.IsAnswered);
        Assert.Null(again.SipStatus);
        Assert.Contains("in use", again.Reason, StringComparison.Ordinal);
        Assert.Single(rig.CallerEvents.All<CallCreated>());
        await result.Call.HangupAsync();
    }
}
