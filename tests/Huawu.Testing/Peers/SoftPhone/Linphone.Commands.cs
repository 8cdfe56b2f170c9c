using System.Globalization;

namespace Huawu.Testing.Peers.SoftPhone;

// The daemon's commands a test needs. Calls are named by the daemon's ids (1, 2, …, from the call events or 'call').
public sealed partial class Linphone
{
    private static readonly TimeSpan DefaultDigitGap = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan RegistrationPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>Sends any command and returns the daemon's answer, failed or not (e.g. "call-status 1", "help").</summary>
    public Task<LinphoneResponse> CommandAsync(string command) => Pipe.SendAsync(command, Options.CommandTimeout);

    /// <summary>Calls <paramref name="uri"/> and returns the call's id; progress arrives as call-state-changed events.</summary>
    public async Task<int> DialAsync(string uri)
    {
        var response = await RunAsync("call " + uri);
        return response.Number("Id") ?? throw new InvalidOperationException($"linphone gave no call id: {response}");
    }

    /// <summary>Answers the ringing incoming call <paramref name="callId"/> (200 OK).</summary>
    public Task AnswerAsync(int callId) => RunAsync(Invariant($"answer {callId}"));

    /// <summary>Hangs up <paramref name="callId"/>: BYE when established, CANCEL while ringing out, a decline while ringing in.</summary>
    public Task TerminateAsync(int callId) => RunAsync(Invariant($"terminate {callId}"));

    /// <summary>
    /// Plays a WAV into the call's RTP as its microphone (liblinphone's in-call player). Without it a call sends
    /// (almost) no RTP, since there is no sound card.
    /// </summary>
    public Task PlayAsync(string wavPath, int callId) => RunAsync(Invariant($"incall-player-start {Path.GetFullPath(wavPath)} {callId}"));

    /// <summary>The call's state from call-status ("StreamsRunning", …), or null when the daemon no longer knows the call.</summary>
    public async Task<string?> CallStateAsync(int callId)
    {
        var response = await CommandAsync(Invariant($"call-status {callId}"));
        return response.Ok ? response.Field("State")?.Replace("LinphoneCall", "", StringComparison.Ordinal) : null;
    }

    /// <summary>
    /// Sends DTMF on the current call as RFC 4733 events, one per digit, <paramref name="gap"/> apart so each event
    /// has ended before the next starts.
    /// </summary>
    public async Task SendDtmfAsync(string digits, TimeSpan? gap = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(digits);
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0) await Task.Delay(gap ?? DefaultDigitGap);
            await RunAsync("dtmf " + digits[i]);
        }
    }

    /// <summary>The account's registration state (the daemon reports it only when asked).</summary>
    public async Task<LinphoneRegistration> GetRegistrationAsync()
    {
        if (!Options.Account.Registers) return LinphoneRegistration.None;
        var state = (await RunAsync("register-status 1")).Field("State");
        return state switch
        {
            "LinphoneRegistrationProgress" or "LinphoneRegistrationRefreshing" => LinphoneRegistration.Progress,
            "LinphoneRegistrationOk" => LinphoneRegistration.Registered,
            "LinphoneRegistrationCleared" => LinphoneRegistration.Cleared,
            "LinphoneRegistrationFailed" => LinphoneRegistration.Failed,
            _ => LinphoneRegistration.None,
        };
    }

    /// <summary>Waits until registration succeeds or fails (RFC 3261 §10.2: 200 or a final error) and returns which.</summary>
    public async Task<LinphoneRegistration> WaitForRegistrationAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? Options.CommandTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var state = await GetRegistrationAsync();
            if (state is LinphoneRegistration.Registered or LinphoneRegistration.Failed) return state;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"linphone was still {state} after {limit}.\n{Describe()}");
            await Task.Delay(RegistrationPoll);
        }
    }

    // A command that fails means the test drove the phone wrongly (no such call, bad URI): that is a bug.
    private async Task<LinphoneResponse> RunAsync(string command)
    {
        var response = await CommandAsync(command);
        if (!response.Ok) throw new InvalidOperationException($"linphone refused '{command}': {response.Reason}\n{Describe()}");
        return response;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The account's registration state, as register-status reports it.</summary>
public enum LinphoneRegistration
{
    None,
    Progress,
    Registered,
    Cleared,
    Failed,
}
