using System.Diagnostics.CodeAnalysis;
using Huawu.Data;
using Huawu.Robot.Runtime;
using Huawu.Robot.Scripts;
using Huawu.Server.Configuration;
using Huawu.Speech.Asr;
using Huawu.Telephony.Calls;

namespace Huawu.Server.Speech;

/// <summary>
/// The node's robot services (<see cref="IRobotServicesSource"/>): the voice <c>speech.tts.languages</c> gives the script's
/// language, the recognizer <c>speech.asr.engine</c> names — constrained by a grammar when it is pocketsphinx (its
/// dictionary filters the phrases), by hot words otherwise — the node's VAD, call control, store, agents' screens and queues.
/// Recorded prompts a script names are found under the data directory.
/// </summary>
internal sealed class NodeRobotServices(ServerConfiguration configuration, NodeSpeech speech, ICallControl control, DataStore store,
    IHandOffNotifier notifier, IHandOffQueues queues, ILoggerFactory loggers, TimeProvider time) : IRobotServicesSource
{
    private readonly ILogger _logger = loggers.CreateLogger("Huawu.Robot");

    public bool TryGet(Script script, [NotNullWhen(true)] out RobotServices? services, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(script);
        services = null;
        var voice = speech.Tts.DefaultVoice(script.Language == ScriptLanguage.Zh ? "zh" : "en");
        if (!speech.Tts.TryGet(voice.Engine, out var tts, out error)) return false;
        if (!speech.TryGetRecognizer("", out var recognizer, out error)) return false;
        if (!speech.TryGetVad(out var vad, out error)) return false;
        var dictionary = recognizer as IRecognizerDictionary;
        services = new RobotServices(control, vad, recognizer, tts, voice.Voice, store, _logger, time,
            dictionary is null ? RecognitionStyle.HotWords : RecognitionStyle.Grammar, dictionary is null ? null : dictionary.Knows, notifier,
            PromptDirectory: configuration.Data, Queues: queues);
        return true;
    }
}
