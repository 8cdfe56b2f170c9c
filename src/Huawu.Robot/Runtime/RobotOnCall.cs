using Huawu.Robot.Scripts;
using Huawu.Speech.Pipeline;
using Huawu.Telephony.Calls;

namespace Huawu.Robot.Runtime;

/// <summary>
/// Puts the robot on an answered call: the call's received audio tapped into a <see cref="VoicePipeline"/>, the
/// pipeline transmitted back, keys fed in as they come, and a <see cref="RobotCall"/> running the script over them with
/// its log in the store. Returns when the robot is done with the call (hung up, handed off, or the callee left).
/// </summary>
public static class RobotOnCall
{
    /// <summary>G.711 on the trunk: the calls the robot takes are 8 kHz.</summary>
    private const int CallSampleRate = 8000;

    public static async Task<RobotRun> RunAsync(ICall call, Script script, IReadOnlyDictionary<string, string>? variables, RobotServices services,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(services);
        var pipeline = new VoicePipeline(CallSampleRate, services.Vad, services.Recognizer, services.MediaTime);
        await using (pipeline)
        {
            var tap = call.TapReceivedAudio(pipeline);
            var transmit = call.Transmit(pipeline);
            using var keys = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var detached = 0;
            void Detach()
            {
                if (Interlocked.Exchange(ref detached, 1) != 0) return;
                transmit.Dispose();
                tap.Dispose();
                keys.Cancel();
            }
            var pumping = PumpKeysAsync(call, pipeline, keys.Token);
            try
            {
                var language = script.Language == ScriptLanguage.Zh ? "zh-CN" : "en-US";
                var voice = new PipelineVoice(pipeline, services.Tts, services.TtsVoice, language, services.PromptDirectory);
                var line = new CallLine(call, services.Control, services.Notifier, Detach);
                var log = new StoredCallLog(services.Store, call.Id.ToString(), services.Logger);
                var started = RobotCall.Create(script, voice, line, log, new RobotCallOptions(
                    variables, services.Recognition, services.KnowsWord, services.ChatModel));
                if (started.Call is null) return new RobotRun(null, started.Problems);
                return new RobotRun(await started.Call.RunAsync(cancellation), []);
            }
            finally
            {
                Detach();
                await pumping;
            }
        }
    }

    /// <summary>Keys (RFC 4733 or SIP INFO) into the pipeline one at a time; the pipeline's turn decides what they mean.</summary>
    private static async Task PumpKeysAsync(ICall call, VoicePipeline pipeline, CancellationToken stop)
    {
        var eachKey = new DtmfCollectOptions { MaxDigits = 1, Terminators = "", FirstDigitTimeout = TimeSpan.FromMinutes(10) };
        while (!stop.IsCancellationRequested)
        {
            DtmfCollection collected;
            try
            {
                collected = await call.CollectDtmfAsync(eachKey, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (collected.End is DtmfCollectEnd.HungUp or DtmfCollectEnd.Cancelled) return;
            foreach (var key in collected.Digits) pipeline.PressKey(key);
        }
    }
}
