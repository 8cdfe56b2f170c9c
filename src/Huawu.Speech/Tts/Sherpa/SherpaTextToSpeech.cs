using System.Globalization;
using Huawu.Speech.Tts.Synthesis;

namespace Huawu.Speech.Tts.Sherpa;

/// <summary>
/// The <c>sherpa</c> engine: sherpa-onnx offline TTS (VITS, Matcha, Kokoro) with one voice per model directory under
/// the TTS model directory, named after it. A multi-speaker model offers its speakers as <c>name:N</c> (<c>name</c>
/// is speaker 0). A voice speaks the language its directory name says (<c>zh</c>, <c>en</c>…; see <see cref="LanguageOf"/>).
/// </summary>
internal sealed class SherpaTextToSpeech : SentenceEngine, IDisposable
{
    private readonly Dictionary<string, SherpaTtsModel> _models;

    private SherpaTextToSpeech(IReadOnlyList<SherpaTtsModel> models)
    {
        _models = models.ToDictionary(m => Path.GetFileName(m.Files.Directory), StringComparer.OrdinalIgnoreCase);
        Voices = models.Select(m =>
        {
            var name = Path.GetFileName(m.Files.Directory);
            return new VoiceInfo(name, LanguageOf(name), m.SampleRate, $"sherpa-onnx {m.Files.Family}, {m.Speakers} speaker(s)");
        }).ToArray();
    }

    public override string Name => TtsEngineNames.Sherpa;

    public override IReadOnlyList<VoiceInfo> Voices { get; }

    /// <summary>
    /// Loads every model directory under <paramref name="directory"/>; false with a message per directory that is not
    /// a usable model (naming the missing file), so one broken pack does not hide the others' problems.
    /// </summary>
    public static bool TryCreate(string directory, int threads, out SherpaTextToSpeech? engine, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(directory);
        engine = null;
        var problems = new List<string>();
        errors = problems;
        if (!Directory.Exists(directory))
        {
            problems.Add($"{directory}: no such TTS model directory (put one directory per model pack in it)");
            return false;
        }
        var models = new List<SherpaTtsModel>();
        foreach (var modelDirectory in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            if (!SherpaTtsModelFiles.TryFind(modelDirectory, out var files, out var error)) problems.Add(error);
            else if (!SherpaTtsModel.TryLoad(files, threads, out var model, out error)) problems.Add(error);
            else models.Add(model);
        }
        if (models.Count == 0 && problems.Count == 0) problems.Add($"{directory}: no model directories in it");
        if (problems.Count > 0)
        {
            foreach (var model in models) model.Dispose();
            return false;
        }
        engine = new SherpaTextToSpeech(models);
        return true;
    }

    /// <summary>
    /// The language a model pack's name announces, for reading numbers: upstream packs carry it in their names
    /// (vits-zh-aishell3, matcha-icefall-zh-baker, vits-piper-en_US-amy, kokoro-multi-lang-v1_0 speaks Chinese and English,
    /// read as Chinese). Unknown: <c>und</c>, and numbers are left to the model.
    /// </summary>
    public static string LanguageOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = name.ToLowerInvariant().Split('-', '_', '.');
        if (tokens.Any(t => t is "zh" or "cmn" or "chinese" or "multi" or "aishell3" or "baker")) return "zh";
        if (tokens.Any(t => t is "en" or "english" or "ljspeech" or "libritts" or "vctk")) return "en";
        return "und";
    }

    public void Dispose()
    {
        foreach (var model in _models.Values) model.Dispose();
    }

    /// <summary>Accepts <c>name:N</c> for speaker N of a multi-speaker model.</summary>
    protected override VoiceInfo FindVoice(string voice)
    {
        ArgumentNullException.ThrowIfNull(voice);
        var (name, speaker) = Split(voice);
        var info = base.FindVoice(name);
        var speakers = _models[info.Id].Speakers;
        if (speaker < 0 || speaker >= Math.Max(1, speakers))
        {
            throw new SpeechEngineException($"The sherpa voice '{name}' has speakers 0 to {Math.Max(1, speakers) - 1}, not {speaker}.");
        }
        return info with { Id = voice };
    }

    protected override void StartSentence(string sentence, VoiceInfo voice, SentenceSynthesis output, CancellationToken cancellation)
    {
        var (name, speaker) = Split(voice.Id);
        _models[name].Generate(new SherpaTtsJob(sentence, speaker, output, cancellation));
    }

    private static (string Name, int Speaker) Split(string voice)
    {
        var colon = voice.LastIndexOf(':');
        return colon > 0 && int.TryParse(voice.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var speaker)
            ? (voice[..colon], speaker)
            : (voice, 0);
    }
}
