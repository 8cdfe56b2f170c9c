using Huawu.Robot.ChatModel;

namespace Huawu.Robot.Runtime;

/// <summary>How the recognizer is told what to listen for at a node.</summary>
public enum RecognitionStyle
{
    /// <summary>Only the script's phrases can be recognized (a JSGF grammar): the embedded English engine, pocketsphinx.</summary>
    Grammar,

    /// <summary>Free speech with the script's words favoured where the engine can (sherpa, FunASR, OpenAI).</summary>
    HotWords,
}

/// <summary>What a robot call needs besides its script and its call.</summary>
/// <param name="Variables">The call's variables (the contact's name, amounts…); the script's required ones must be here.</param>
/// <param name="Recognition">How nodes constrain the recognizer.</param>
/// <param name="KnowsWord">The recognizer's dictionary, when it has one: grammar phrases with other words are left out (a grammar with an unknown word fails whole).</param>
/// <param name="ChatModel">Answers the script's chat-model questions; null when none is configured.</param>
/// <param name="Time">The clock of the transcript and the dialogue; the pipeline keeps its own.</param>
/// <param name="Queues">The node's queues (the ACD): a script transferring to a queue not here is refused before the call starts.</param>
public sealed record RobotCallOptions(
    IReadOnlyDictionary<string, string>? Variables = null,
    RecognitionStyle Recognition = RecognitionStyle.Grammar,
    Func<string, bool>? KnowsWord = null,
    IChatClassifier? ChatModel = null,
    TimeProvider? Time = null,
    TimeZoneInfo? TimeZone = null,
    IHandOffQueues? Queues = null);
