namespace Huawu.Speech.Configuration;

/// <summary><c>speech.asr.pocketsphinx</c>: the embedded English recognizer for grammars and keywords (Debian's pocketsphinx).</summary>
public sealed class PocketsphinxAsrOptions
{
    public const string DebianModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>The acoustic model directory (pocketsphinx's <c>-hmm</c>).</summary>
    public string Model { get; set; } = DebianModelDirectory + "/en-us";

    /// <summary>The pronunciation dictionary (<c>-dict</c>); grammar and keyword words must be in it.</summary>
    public string Dictionary { get; set; } = DebianModelDirectory + "/cmudict-en-us.dict";

    /// <summary>An n-gram model for free speech (e.g. <c>en-us.lm.bin</c>); empty: grammars and keywords only.</summary>
    public string LanguageModel { get; set; } = "";

    /// <summary>
    /// The rate the acoustic model was trained at. Debian's en-us model is a 16 kHz model: 8 kHz audio is upsampled to it
    /// (far more accurate than running it at 8 kHz). Set 8000 only for an 8 kHz model (then <c>-nfft 256</c> is used).
    /// </summary>
    public int ModelSampleRate { get; set; } = 16000;

    /// <summary>Keyword spotting's detection threshold (<c>-kws_threshold</c>): smaller finds more, and more falsely.</summary>
    public double KeywordThreshold { get; set; } = 1e-20;

    /// <summary>Idle decoders kept loaded for the next sessions (each holds the model and dictionary, about 25 MB).</summary>
    public int PooledDecoders { get; set; } = 4;

    internal IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Model)) errors.Add("speech.asr.pocketsphinx.model: required");
        if (string.IsNullOrWhiteSpace(Dictionary)) errors.Add("speech.asr.pocketsphinx.dictionary: required");
        if (ModelSampleRate is not (8000 or 16000))
        {
            errors.Add($"speech.asr.pocketsphinx.model_sample_rate: {ModelSampleRate} is not 8000 or 16000");
        }
        AsrOptions.RequireRange(errors, "speech.asr.pocketsphinx.keyword_threshold", KeywordThreshold, 1e-100, 1);
        AsrOptions.RequireRange(errors, "speech.asr.pocketsphinx.pooled_decoders", PooledDecoders, 0, 256);
        return errors;
    }
}
