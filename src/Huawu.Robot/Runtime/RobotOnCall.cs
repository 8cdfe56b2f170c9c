using Huawu.Robot.Scripts;
using Huawu.Speech.Pipeline;
using Huawu.Telephony.Calls;

namespace Huawu.Robot.Runtime;

/// <summary>
/// Puts the robot on an answered call: a <see cref="VoicePipeline"/> bound to it (<see cref="CallVoice"/>), and a
/// <see cref="RobotCall"/> running the script over it with its log in the store. Returns when the robot is done with the
/// call (hung up, handed off, or the callee left); a robot that cannot run hangs up with its reasons.
/// </summary>
public static class RobotOnCall
{
    /// <param name="watcher">Also told everything the call's log is (a console showing the conversation live); the store comes first.</param>
    public static async Task<RobotRun> RunAsync(ICall call, Script script, IReadOnlyDictionary<string, string>? variables, RobotServices services,
        IRobotCallLog? watcher = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(services);
        await using var bound = await CallVoice.AttachAsync(call, rate => new VoicePipeline(rate, services.Vad, services.Recognizer, services.MediaTime));
        if (bound is null) return await CannotRunAsync(call, ["the call has no media (no audio within two seconds of answering, or it ended)"]);
        var language = script.Language == ScriptLanguage.Zh ? "zh-CN" : "en-US";
        var voice = new PipelineVoice(bound.Pipeline, services.Tts, services.TtsVoice, language, services.PromptDirectory);
        var line = new CallLine(call, services.Control, services.Notifier, bound.Detach) { Queues = services.Queues };
        IRobotCallLog log = new StoredCallLog(services.Store, call.Id.ToString(), services.Logger);
        if (watcher is not null) log = new WatchedCallLog(log, watcher);
        var started = RobotCall.Create(script, voice, line, log, new RobotCallOptions(
            variables, services.Recognition, services.KnowsWord, services.ChatModel, Queues: services.Queues));
        if (started.Call is null) return await CannotRunAsync(call, started.Problems);
        return new RobotRun(await started.Call.RunAsync(cancellation), []);
    }

    /// <summary>A robot that cannot run leaves nobody on a silent line: the call is hung up with the reasons returned.</summary>
    private static async Task<RobotRun> CannotRunAsync(ICall call, IReadOnlyList<string> problems)
    {
        await call.HangupAsync(HangupCause.TemporaryFailure);
        return new RobotRun(null, problems);
    }
}
