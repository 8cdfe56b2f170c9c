namespace Huawu.Speech.Configuration;

/// <summary><c>speech.asr.sherpa</c>: sherpa-onnx models from a model directory (streaming or offline).</summary>
public sealed class SherpaAsrOptions
{
    /// <summary>The model kinds by their configuration names.</summary>
    public static IReadOnlyList<string> ModelTypes { get; } = ["streaming_zipformer", "streaming_paraformer", "sense_voice", "paraformer"];

    /// <summary>The model's directory, as unpacked from its archive; relative paths are taken from <c>speech.model_directory</c>.</summary>
    public string ModelDir { get; set; } = "sherpa-onnx-streaming-paraformer-bilingual-zh-en";

    /// <summary>
    /// <c>streaming_zipformer</c> (transducer) or <c>streaming_paraformer</c>: results while the caller speaks;
    /// <c>sense_voice</c> or <c>paraformer</c>: offline, one result per segment after it ends.
    /// </summary>
    public string ModelType { get; set; } = "streaming_paraformer";

    /// <summary>Use the int8-quantized files (<c>*.int8.onnx</c>) when the directory has both.</summary>
    public bool PreferInt8 { get; set; } = true;

    public int NumThreads { get; set; } = 1;

    /// <summary>ONNX Runtime's execution provider: <c>cpu</c> (or <c>cuda</c> with a GPU build).</summary>
    public string Provider { get; set; } = "cpu";

    /// <summary><c>greedy_search</c> or <c>modified_beam_search</c> (needed for hot words with transducers).</summary>
    public string DecodingMethod { get; set; } = "greedy_search";

    /// <summary>Streaming models: end an utterance by themselves (sherpa-onnx's endpoint rules) and start the next.</summary>
    public bool Endpoint { get; set; } = true;

    /// <summary>Endpoint rule 2: trailing silence after speech that ends an utterance.</summary>
    public double EndpointSilenceSeconds { get; set; } = 1.2;

    /// <summary>Endpoint rule 3: the longest utterance before it is cut.</summary>
    public double MaxUtteranceSeconds { get; set; } = 20;

    /// <summary>SenseVoice's language: <c>auto</c>, <c>zh</c>, <c>en</c>, <c>yue</c>, <c>ja</c> or <c>ko</c>.</summary>
    public string Language { get; set; } = "auto";

    /// <summary>SenseVoice: inverse text normalization (digits and punctuation in the text).</summary>
    public bool UseItn { get; set; } = true;

    internal IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (!ModelTypes.Contains(ModelType))
        {
            errors.Add($"speech.asr.sherpa.model_type: '{ModelType}' is not one of {string.Join(", ", ModelTypes)}");
        }
        if (string.IsNullOrWhiteSpace(ModelDir)) errors.Add("speech.asr.sherpa.model_dir: required");
        if (DecodingMethod is not ("greedy_search" or "modified_beam_search"))
        {
            errors.Add($"speech.asr.sherpa.decoding_method: '{DecodingMethod}' is not greedy_search or modified_beam_search");
        }
        if (Language is not ("auto" or "zh" or "en" or "yue" or "ja" or "ko"))
        {
            errors.Add($"speech.asr.sherpa.language: '{Language}' is not auto, zh, en, yue, ja or ko");
        }
        if (string.IsNullOrWhiteSpace(Provider)) errors.Add("speech.asr.sherpa.provider: required");
        AsrOptions.RequireRange(errors, "speech.asr.sherpa.num_threads", NumThreads, 1, 64);
        AsrOptions.RequireRange(errors, "speech.asr.sherpa.endpoint_silence_seconds", EndpointSilenceSeconds, 0.1, 10);
        AsrOptions.RequireRange(errors, "speech.asr.sherpa.max_utterance_seconds", MaxUtteranceSeconds, 1, 300);
        return errors;
    }
}
