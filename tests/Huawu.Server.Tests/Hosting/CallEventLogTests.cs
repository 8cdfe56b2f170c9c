using Huawu.Server.Hosting;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Tests.Hosting;

public class CallEventLogTests
{
    private static readonly CallId Id = new("c1");
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Subscriber_phone_numbers_are_masked_in_the_log()
    {
        var line = CallEventLog.Describe(new CallCreated(Id, At, CallDirection.Outbound, "1001", "+8613812345678", "carrier"));
        Assert.Equal("outbound 1001 → 138****5678 via trunk carrier", line);
        Assert.DoesNotContain("12345678", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("echo", "echo")]
    [InlineData("1001", "1001")]
    [InlineData("02012345678", "020****5678")]
    [InlineData("+1 (415) 555-0100", "+141****0100")]
    public void Only_numbers_long_enough_to_be_phone_numbers_are_masked(string party, string logged) =>
        Assert.Equal(logged, CallEventLog.Party(party));

    [Fact]
    public void A_hang_up_line_names_side_cause_status_and_durations()
    {
        var line = CallEventLog.Describe(new CallHungUp(Id, At, HangupCause.UserBusy, HangupSide.Remote, 486, TimeSpan.FromSeconds(3.24), TimeSpan.Zero));
        Assert.Equal("hung up by the remote side: UserBusy (SIP 486), rang 3.2 s, talked 0.0 s", line);
    }
}
