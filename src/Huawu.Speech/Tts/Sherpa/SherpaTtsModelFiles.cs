using System.Diagnostics.CodeAnalysis;

namespace Huawu.Speech.Tts.Sherpa;

/// <summary>
/// The files of one sherpa-onnx TTS model directory, as the upstream model packs lay them out, found and checked
/// before anything is handed to the native library, so a broken pack is reported by the file it lacks:
/// <list type="bullet">
/// <item>Kokoro: <c>model.onnx</c>, <c>voices.bin</c>, <c>tokens.txt</c>, <c>espeak-ng-data/</c>; optional
/// <c>lexicon*.txt</c> (multi-language packs) and <c>*.fst</c> text-normalization rules.</item>
/// <item>Matcha: <c>model-steps-*.onnx</c> and a vocoder (<c>vocos*.onnx</c>, <c>hifigan*.onnx</c> or
/// <c>vocoder.onnx</c>), <c>tokens.txt</c>, and <c>lexicon.txt</c> or <c>espeak-ng-data/</c>.</item>
/// <item>VITS: one <c>*.onnx</c> model, <c>tokens.txt</c>, and <c>lexicon.txt</c> or <c>espeak-ng-data/</c>.</item>
/// </list>
/// An <c>espeak-ng-data/</c> directory must hold what sherpa-onnx reads from it (phontab, phonindex, phondata, intonations).
/// </summary>
internal sealed record SherpaTtsModelFiles(SherpaTtsFamily Family, string Directory, string Model, string Tokens)
{
    private static readonly string[] EspeakDataFiles = ["phontab", "phonindex", "phondata", "intonations"];

    public string? Vocoder { get; init; }

    public string? Voices { get; init; }

    public string? Lexicon { get; init; }

    public string? DataDirectory { get; init; }

    /// <summary>Comma-separated rule FSTs, as sherpa-onnx's <c>rule_fsts</c> takes them.</summary>
    public string? RuleFsts { get; init; }

    public static bool TryFind(string directory, [NotNullWhen(true)] out SherpaTtsModelFiles? files, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(directory);
        files = null;
        if (!System.IO.Directory.Exists(directory))
        {
            error = $"{directory}: no such model directory";
            return false;
        }
        var onnx = System.IO.Directory.GetFiles(directory, "*.onnx").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var family = Exists(directory, "voices.bin") ? SherpaTtsFamily.Kokoro
            : onnx.Any(f => f!.StartsWith("model-steps-", StringComparison.Ordinal) || IsVocoder(f!)) ? SherpaTtsFamily.Matcha
            : onnx.Length > 0 ? SherpaTtsFamily.Vits
            : (SherpaTtsFamily?)null;
        if (family is null)
        {
            error = $"{directory}: no TTS model here: expected model.onnx with tokens.txt (VITS), model-steps-*.onnx with a vocoder " +
                    "(Matcha), or model.onnx with voices.bin (Kokoro)";
            return false;
        }
        var problems = new List<string>();
        var found = family switch
        {
            SherpaTtsFamily.Kokoro => Kokoro(directory, onnx!, problems),
            SherpaTtsFamily.Matcha => Matcha(directory, onnx!, problems),
            _ => Vits(directory, onnx!, problems),
        };
        if (problems.Count > 0)
        {
            error = $"{directory}: a {family} model needs {string.Join("; ", problems)}";
            return false;
        }
        files = found;
        error = null;
        return true;
    }

    private static SherpaTtsModelFiles Kokoro(string directory, string[] onnx, List<string> problems)
    {
        var model = Require(directory, onnx.Contains("model.onnx") ? "model.onnx" : onnx.FirstOrDefault() ?? "model.onnx", problems);
        var data = RequireEspeakData(directory, problems);
        var lexicons = System.IO.Directory.GetFiles(directory, "lexicon*.txt").Order(StringComparer.Ordinal).ToArray();
        return new SherpaTtsModelFiles(SherpaTtsFamily.Kokoro, directory, model, Require(directory, "tokens.txt", problems))
        {
            Voices = Require(directory, "voices.bin", problems),
            DataDirectory = data,
            Lexicon = lexicons.Length == 0 ? null : string.Join(",", lexicons),
            RuleFsts = RuleFstsIn(directory),
        };
    }

    private static SherpaTtsModelFiles Matcha(string directory, string[] onnx, List<string> problems)
    {
        var acoustic = onnx.FirstOrDefault(f => f.StartsWith("model-steps-", StringComparison.Ordinal));
        var vocoder = onnx.FirstOrDefault(IsVocoder);
        if (acoustic is null) problems.Add("an acoustic model model-steps-*.onnx, which is missing");
        if (vocoder is null) problems.Add("a vocoder (vocos-*.onnx, hifigan*.onnx or vocoder.onnx), which is missing");
        var (lexicon, data) = LexiconOrEspeakData(directory, problems);
        return new SherpaTtsModelFiles(SherpaTtsFamily.Matcha, directory, Path.Combine(directory, acoustic ?? "model-steps-3.onnx"),
            Require(directory, "tokens.txt", problems))
        {
            Vocoder = vocoder is null ? null : Path.Combine(directory, vocoder),
            Lexicon = lexicon,
            DataDirectory = data,
            RuleFsts = RuleFstsIn(directory),
        };
    }

    private static SherpaTtsModelFiles Vits(string directory, string[] onnx, List<string> problems)
    {
        if (onnx.Length > 1 && !onnx.Contains("model.onnx")) problems.Add($"one model, but there are several ({string.Join(", ", onnx)}): name it model.onnx");
        var (lexicon, data) = LexiconOrEspeakData(directory, problems);
        return new SherpaTtsModelFiles(SherpaTtsFamily.Vits, directory, Path.Combine(directory, onnx.Length == 1 ? onnx[0] : "model.onnx"),
            Require(directory, "tokens.txt", problems))
        {
            Lexicon = lexicon,
            DataDirectory = data,
            RuleFsts = RuleFstsIn(directory),
        };
    }

    private static (string? Lexicon, string? Data) LexiconOrEspeakData(string directory, List<string> problems)
    {
        if (Exists(directory, "lexicon.txt")) return (Path.Combine(directory, "lexicon.txt"), null);
        if (System.IO.Directory.Exists(Path.Combine(directory, "espeak-ng-data"))) return (null, RequireEspeakData(directory, problems));
        problems.Add("lexicon.txt or espeak-ng-data/ to turn text into tokens, and both are missing");
        return (null, null);
    }

    private static string RequireEspeakData(string directory, List<string> problems)
    {
        var data = Path.Combine(directory, "espeak-ng-data");
        if (!System.IO.Directory.Exists(data))
        {
            problems.Add("espeak-ng-data/, which is missing");
            return data;
        }
        foreach (var file in EspeakDataFiles.Where(f => !File.Exists(Path.Combine(data, f)))) problems.Add($"espeak-ng-data/{file}, which is missing");
        return data;
    }

    private static string Require(string directory, string file, List<string> problems)
    {
        if (!Exists(directory, file)) problems.Add($"{file}, which is missing");
        return Path.Combine(directory, file);
    }

    private static string? RuleFstsIn(string directory)
    {
        var rules = System.IO.Directory.GetFiles(directory, "*.fst").Order(StringComparer.Ordinal).ToArray();
        return rules.Length == 0 ? null : string.Join(",", rules);
    }

    private static bool IsVocoder(string file) =>
        file.StartsWith("vocos", StringComparison.Ordinal) || file.StartsWith("hifigan", StringComparison.Ordinal) || file == "vocoder.onnx";

    private static bool Exists(string directory, string file) => File.Exists(Path.Combine(directory, file));
}
