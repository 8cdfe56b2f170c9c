using Huawu.Robot.Dialogue;
using Huawu.Robot.Scripts;
using Huawu.Speech.Asr;
using Huawu.Speech.Endpointing;
using Huawu.Speech.Pipeline;

namespace Huawu.Robot.Runtime;

/// <summary>
/// Each node's listening, as the pipeline takes it: the node's endpointing, barge-in and no-input time, what the
/// recognizer listens for (<see cref="ScriptVocabulary"/>), and how many keys make an answer. Built once per call
/// and node, off the media thread.
/// </summary>
internal sealed class ListenPlan(Script script, RobotCallOptions options)
{
    /// <summary>Keys a number slot takes before the caller ends it with '#'.</summary>
    private const int MaxNumberKeys = 20;

    private readonly Dictionary<string, ListenOptions> _byNode = new(StringComparer.Ordinal);

    public ListenOptions For(ListenAction listen)
    {
        if (!_byNode.TryGetValue(listen.NodeId, out var built)) _byNode[listen.NodeId] = built = Build(listen.NodeId);
        return built with
        {
            BargeIn = listen.BargeIn,
            NoInputTimeout = TimeSpan.FromMilliseconds(listen.Endpointing.NoInputTimeoutMs),
            Endpointing = Endpointing(listen.Endpointing),
        };
    }

    private ListenOptions Build(string nodeId)
    {
        var node = script.Nodes[nodeId];
        var phrases = ScriptVocabulary.PhrasesAt(script, nodeId);
        var language = script.Language == ScriptLanguage.Zh ? "zh-CN" : "en-US";
        var recognition = options.Recognition == RecognitionStyle.Grammar && script.Language == ScriptLanguage.En
            ? new RecognitionOptions { Language = language, Grammar = ScriptVocabulary.Speakable(phrases, options.KnowsWord) }
            : new RecognitionOptions { Language = language, HotWords = phrases };
        var longestKeys = node.Routes.Select(r => r.Dtmf?.Length ?? 0).DefaultIfEmpty(0).Max();
        var maxKeys = node.Collect?.Type == SlotType.Number ? MaxNumberKeys : Math.Max(1, longestKeys);
        return new ListenOptions
        {
            Recognition = recognition,
            MaxKeys = maxKeys,
            MinConfidence = (float)Math.Clamp(script.Definition.AsrMinConfidence, 0, 1),
        };
    }

    private static EndpointingOptions Endpointing(Scripts.Endpointing endpointing) => ListenOptions.ConversationalEndpointing with
    {
        MinSpeech = TimeSpan.FromMilliseconds(endpointing.MinSpeechMs),
        TrailingSilence = TimeSpan.FromMilliseconds(endpointing.TrailingSilenceMs),
        MaxUtterance = TimeSpan.FromMilliseconds(endpointing.MaxUtteranceMs),
    };
}
