namespace Huawu.Speech.Tts.Prompts;

/// <summary>
/// Speaks a script line with variables from recordings and TTS: "您好{customer_name}先生" plays the recordings of
/// "您好" and "先生" and speaks the customer's name with the voice's TTS in between, at the recordings' rate. The
/// TTS parts are synthesized while the recordings before them play.
/// </summary>
public interface IPromptComposer
{
    /// <summary>
    /// Composes <paramref name="template"/> with <paramref name="values"/> (a value starting with <c>&lt;</c> is SSML,
    /// e.g. a telephone number in <c>&lt;say-as&gt;</c>). Fixed text with no recording is spoken by TTS too. A variable
    /// without a value ends the sequence with a <see cref="SpeechEngineException"/> naming it.
    /// </summary>
    IAsyncEnumerable<SynthesizedAudio> ComposeAsync(PromptTemplate template, IReadOnlyDictionary<string, string> values, string voice,
        CancellationToken cancellation = default);
}
