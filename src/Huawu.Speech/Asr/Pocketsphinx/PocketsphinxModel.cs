using System.Globalization;
using Huawu.Speech.Configuration;

namespace Huawu.Speech.Asr.Pocketsphinx;

/// <summary>
/// A pocketsphinx model checked before any of it reaches native code: sphinxbase ends the whole process
/// (<c>E_FATAL</c>) on some bad inputs, so every file is looked for and every value checked here first, with
/// messages naming the configuration key. Also holds the dictionary's words, so grammars and keywords can be checked
/// for words pocketsphinx cannot say.
/// </summary>
internal sealed class PocketsphinxModel
{
    /// <summary>The files of a sphinx acoustic model directory; the mixture weights come as either of two files.</summary>
    private static readonly string[] AcousticModelFiles = ["mdef", "means", "variances", "transition_matrices", "noisedict", "feat.params"];

    private static readonly string[] MixtureWeightFiles = ["sendump", "mixture_weights"];

    private PocketsphinxModel(PocketsphinxAsrOptions options, HashSet<string> words)
    {
        Options = options;
        Words = words;
    }

    public PocketsphinxAsrOptions Options { get; }

    /// <summary>The dictionary's words (alternative pronunciations <c>word(2)</c> folded into <c>word</c>).</summary>
    public IReadOnlySet<string> Words { get; }

    public int SampleRate => Options.ModelSampleRate;

    public bool HasLanguageModel => Options.LanguageModel.Length > 0;

    /// <summary>The decoder's command line: model, dictionary, rate (an 8 kHz model needs a 256-point FFT for its 25.6 ms window).</summary>
    public IReadOnlyList<string> DecoderArguments()
    {
        var arguments = new List<string>
        {
            "-hmm", Options.Model,
            "-dict", Options.Dictionary,
            "-samprate", SampleRate.ToString(CultureInfo.InvariantCulture),
            "-kws_threshold", Options.KeywordThreshold.ToString("R", CultureInfo.InvariantCulture),
        };
        if (SampleRate == 8000) arguments.AddRange(["-nfft", "256"]);
        if (HasLanguageModel) arguments.AddRange(["-lm", Options.LanguageModel]);
        return arguments;
    }

    public static PocketsphinxModel? TryLoad(PocketsphinxAsrOptions options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count == 0) CheckFiles(options, problems);
        if (problems.Count > 0)
        {
            error = string.Join("; ", problems);
            return null;
        }
        var words = LoadWords(options.Dictionary, out error);
        return words is null ? null : new PocketsphinxModel(options, words);
    }

    private static void CheckFiles(PocketsphinxAsrOptions options, List<string> problems)
    {
        if (!Directory.Exists(options.Model))
        {
            problems.Add($"speech.asr.pocketsphinx.model: no acoustic model directory at {options.Model} (Debian: apt install pocketsphinx-en-us)");
        }
        else
        {
            var missing = AcousticModelFiles.Where(f => !IsNonEmptyFile(Path.Combine(options.Model, f))).ToList();
            if (!MixtureWeightFiles.Any(f => IsNonEmptyFile(Path.Combine(options.Model, f)))) missing.Add(string.Join(" or ", MixtureWeightFiles));
            if (missing.Count > 0)
            {
                problems.Add($"speech.asr.pocketsphinx.model: {options.Model} is not a complete acoustic model; missing or empty: {string.Join(", ", missing)}");
            }
            else if (HighestAnalysedFrequency(Path.Combine(options.Model, "feat.params")) is { } upper && upper * 2 > options.ModelSampleRate)
            {
                // fe_interface.c refuses a filter bank above the Nyquist frequency; say why and what to set instead.
                problems.Add($"speech.asr.pocketsphinx.model_sample_rate: the model at {options.Model} analyses up to {upper} Hz " +
                             $"(feat.params -upperf), which {options.ModelSampleRate} Hz audio cannot carry; it is a 16 kHz model: set 16000");
            }
        }
        if (!IsNonEmptyFile(options.Dictionary))
        {
            problems.Add($"speech.asr.pocketsphinx.dictionary: no dictionary file at {options.Dictionary}");
        }
        if (options.LanguageModel.Length > 0 && !IsNonEmptyFile(options.LanguageModel))
        {
            problems.Add($"speech.asr.pocketsphinx.language_model: no language model file at {options.LanguageModel}");
        }
    }

    private static double? HighestAnalysedFrequency(string featParams)
    {
        var tokens = File.ReadAllText(featParams).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(tokens, "-upperf");
        return at >= 0 && at + 1 < tokens.Length && double.TryParse(tokens[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var upper)
            ? upper
            : null;
    }

    private static HashSet<string>? LoadWords(string dictionary, out string? error)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(dictionary))
        {
            var end = line.IndexOfAny([' ', '\t']);
            if (end <= 0) continue;
            var word = line.AsSpan(0, end);
            // Alternative pronunciations are listed as word(2), word(3)…
            var variant = word.IndexOf('(');
            words.Add((variant > 0 ? word[..variant] : word).ToString());
        }
        error = words.Count == 0 ? $"speech.asr.pocketsphinx.dictionary: {dictionary} holds no pronunciations (lines 'word PHONE PHONE…')" : null;
        return words.Count == 0 ? null : words;
    }

    private static bool IsNonEmptyFile(string path) => File.Exists(path) && new FileInfo(path).Length > 0;
}
