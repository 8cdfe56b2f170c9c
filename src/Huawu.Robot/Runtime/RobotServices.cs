using Huawu.Data;
using Huawu.Robot.ChatModel;
using Huawu.Speech.Asr;
using Huawu.Speech.Tts;
using Huawu.Speech.Vad;
using Huawu.Telephony.Calls;
using Microsoft.Extensions.Logging;

namespace Huawu.Robot.Runtime;

/// <summary>What the node gives every robot call: call control, the speech engines, the store, and the agent screens.</summary>
/// <param name="MediaTime">The media clock's time, which the voice pipeline runs on.</param>
/// <param name="Recognition">How nodes constrain <paramref name="Recognizer"/> (a grammar for pocketsphinx, hot words otherwise).</param>
/// <param name="KnowsWord">The recognizer's dictionary, when it has one (pocketsphinx).</param>
/// <param name="PromptDirectory">Where scripts' recorded prompts are found.</param>
/// <param name="Queues">The node's queues (the ACD) that <c>transfer: {queue: …}</c> hands callees to.</param>
public sealed record RobotServices(
    ICallControl Control,
    IVoiceActivityDetectorFactory Vad,
    ISpeechRecognizer Recognizer,
    ITextToSpeech Tts,
    string TtsVoice,
    DataStore Store,
    ILogger Logger,
    TimeProvider MediaTime,
    RecognitionStyle Recognition = RecognitionStyle.Grammar,
    Func<string, bool>? KnowsWord = null,
    IHandOffNotifier? Notifier = null,
    IChatClassifier? ChatModel = null,
    string? PromptDirectory = null,
    IHandOffQueues? Queues = null);

/// <summary>A robot call's summary once it has run, or why it could not start.</summary>
public sealed record RobotRun(RobotCallSummary? Summary, IReadOnlyList<string> Problems);
