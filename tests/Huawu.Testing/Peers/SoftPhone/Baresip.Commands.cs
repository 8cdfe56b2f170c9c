namespace Huawu.Testing.Peers.SoftPhone;

// The commands of baresip 1.0.0's menu module, sent over ctrl_tcp. Call commands act on the current call and
// exist only while there is one ("command not found" otherwise).
public sealed partial class Baresip
{
    private static readonly TimeSpan DefaultDigitGap = TimeSpan.FromMilliseconds(300);

    /// <summary>Sends any command and returns baresip's answer, failed or not (e.g. "help", "reginfo", "listcalls").</summary>
    public Task<BaresipResponse> CommandAsync(string command, string? parameters = null) =>
        Control.SendAsync(command, parameters, Options.CommandTimeout);

    /// <summary>Calls <paramref name="uri"/>; progress arrives as CALL_RINGING / CALL_ESTABLISHED / CALL_CLOSED events.</summary>
    public Task DialAsync(string uri) => RunAsync("dial", uri);

    /// <summary>Answers the ringing incoming call (answer mode manual).</summary>
    public Task AcceptAsync() => RunAsync("accept");

    /// <summary>Hangs up the current call: BYE when established, CANCEL while ringing out, 486 when ringing in.</summary>
    public Task HangupAsync() => RunAsync("hangup");

    /// <summary>Puts the current call on hold: a re-INVITE offering a=sendonly (RFC 3264 §8.4).</summary>
    public Task HoldAsync() => RunAsync("hold");

    /// <summary>Takes the current call off hold: a re-INVITE offering a=sendrecv.</summary>
    public Task ResumeAsync() => RunAsync("resume");

    /// <summary>Blind-transfers the current call: REFER with Refer-To <paramref name="target"/> (RFC 3515).</summary>
    public Task TransferAsync(string target) => RunAsync("transfer", target);

    /// <summary>
    /// Sends DTMF as RFC 4733 events, one "sndcode" per digit (press and release), <paramref name="gap"/> apart
    /// so each event has ended before the next starts. Only works when the call negotiated telephone-event.
    /// </summary>
    public async Task SendDtmfAsync(string digits, TimeSpan? gap = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(digits);
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0) await Task.Delay(gap ?? DefaultDigitGap);
            await RunAsync("sndcode", digits[i].ToString());
        }
    }

    // A typed command that fails means the test drove the phone wrongly (no call, bad URI): that is a bug.
    private async Task RunAsync(string command, string? parameters = null)
    {
        var response = await CommandAsync(command, parameters);
        if (!response.Ok)
        {
            throw new InvalidOperationException($"baresip refused '{command} {parameters}': {response.Data}\n{Describe()}");
        }
    }
}
