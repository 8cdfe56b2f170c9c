using System.Runtime.CompilerServices;
using Huawu.Speech.Tts.Ssml;
using Huawu.Speech.Tts.Text;

namespace Huawu.Speech.Tts.Prompts;

/// <summary>
/// The <c>prompts</c> engine: speaks with recordings where the library has the words, and with a TTS engine's voice
/// (converted to the recordings' rate) where it has not. Its voices are the TTS engine's. A text is matched sentence
/// by sentence, longest run of sentences first, so a recording of two sentences is used for both.
/// </summary>
internal sealed class PromptTextToSpeech(PromptLibrary library, ITextToSpeech tts) : ITextToSpeech, IPromptComposer
{
    private IReadOnlyList<VoiceInfo>? _voices;

    public string Name => TtsEngineNames.Prompts;

    public IReadOnlyList<VoiceInfo> Voices => _voices ??= tts.Voices.Select(v => v with { SampleRate = library.SampleRate }).ToArray();

    public async IAsyncEnumerable<SynthesizedAudio> SynthesizeAsync(SpeechText text, string voice,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var language = text.Language ?? FindVoice(voice).Language;
        var pieces = Match(SpeechScript.Build(text, language), language);
        await foreach (var audio in PromptPlayer.PlayAsync(pieces, library.SampleRate, tts, voice, cancellation)) yield return audio;
    }

    public async IAsyncEnumerable<SynthesizedAudio> ComposeAsync(PromptTemplate template, IReadOnlyDictionary<string, string> values,
        string voice, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var language = FindVoice(voice).Language;
        var pieces = new List<PromptPiece>();
        foreach (var (isVariable, value) in template.Parts)
        {
            if (!isVariable)
            {
                pieces.AddRange(Match(SpeechScript.Build(SpeechText.Plain(value), language), language));
                continue;
            }
            if (!values.TryGetValue(value, out var filled)) throw new SpeechEngineException($"The line names {{{value}}}, which has no value.");
            if (!SsmlParser.TryParse(filled, out var spoken, out var error)) throw new SpeechEngineException($"The value of {{{value}}}: {error}");
            pieces.Add(new PromptPiece.Spoken(spoken));
        }
        await foreach (var audio in PromptPlayer.PlayAsync(pieces, library.SampleRate, tts, voice, cancellation)) yield return audio;
    }

    private List<PromptPiece> Match(List<ScriptSegment> script, string language)
    {
        var pieces = new List<PromptPiece>();
        var i = 0;
        while (i < script.Count)
        {
            if (script[i] is ScriptSegment.Pause pause)
            {
                pieces.Add(new PromptPiece.Silence(pause.Duration));
                i++;
                continue;
            }
            var runEnd = i;
            while (runEnd + 1 < script.Count && script[runEnd + 1] is ScriptSegment.Sentence) runEnd++;
            if (LongestRecording(script, i, runEnd) is { } recording)
            {
                pieces.Add(new PromptPiece.Recorded(recording.Entry));
                i = recording.End + 1;
                continue;
            }
            var sentence = ((ScriptSegment.Sentence)script[i]).Text;
            // Punctuation alone between recordings and variables has nothing to say.
            if (PromptLibrary.MatchKey(sentence).Length > 0) pieces.Add(new PromptPiece.Spoken(SpeechText.Plain(sentence, language)));
            i++;
        }
        return pieces;
    }

    /// <summary>The recording of the most sentences from <paramref name="start"/> on (up to <paramref name="runEnd"/>).</summary>
    private (PromptEntry Entry, int End)? LongestRecording(List<ScriptSegment> script, int start, int runEnd)
    {
        for (var end = runEnd; end >= start; end--)
        {
            var text = string.Concat(script.Skip(start).Take(end - start + 1).Select(s => ((ScriptSegment.Sentence)s).Text));
            if (library.FindByText(text) is { } entry) return (entry, end);
        }
        return null;
    }

    private VoiceInfo FindVoice(string voice)
    {
        ArgumentNullException.ThrowIfNull(voice);
        // An espeak-ng variant (en-us+f3) speaks the language of its voice.
        var baseVoice = voice.Split('+')[0];
        return Voices.FirstOrDefault(v => string.Equals(v.Id, baseVoice, StringComparison.OrdinalIgnoreCase))
               ?? throw new SpeechEngineException($"The prompts engine speaks with {tts.Name}, which has no voice '{voice}'.");
    }
}
