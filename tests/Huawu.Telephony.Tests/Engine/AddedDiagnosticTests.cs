namespace Huawu.Telephony.Tests.Engine;

/// <summary>A diagnostic extension added by an upper layer (the node's speech parrot) is routed like the built-in ones.</summary>
public sealed class AddedDiagnosticTests
{
    [Fact]
    public async Task An_added_extension_takes_the_calls_to_its_name_and_names_stay_unique()
    {
        await using var rig = await EngineRig.StartAsync();
        var reached = new TaskCompletionSource<string>();
        rig.Callee.Diagnostics.Add("parrot", async call =>
        {
            reached.TrySetResult(call.To);
            await call.AnswerAsync();
            await call.Ended;
        });

        var result = await rig.CallAsync("parrot").Within();
        Assert.True(result.IsAnswered, result.ToString());
        Assert.Equal("parrot", await reached.Task.Within());
        Assert.True(rig.Callee.Diagnostics.IsDiagnostic("PARROT"));
        await result.Call!.HangupAsync();

        Assert.Throws<ArgumentException>(() => rig.Callee.Diagnostics.Add("Echo", _ => Task.CompletedTask));
        Assert.Throws<ArgumentException>(() => rig.Callee.Diagnostics.Add("Parrot", _ => Task.CompletedTask));
    }
}
