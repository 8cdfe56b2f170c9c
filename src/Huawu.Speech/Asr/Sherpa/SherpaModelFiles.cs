using Huawu.Speech.Configuration;

namespace Huawu.Speech.Asr.Sherpa;

/// <summary>
/// The files of a sherpa-onnx model directory as its release archive unpacks it (e.g. <c>encoder-epoch-99-avg-1.int8.onnx</c>,
/// <c>tokens.txt</c>), found by role. Every missing or unusable file is named in one message, before anything reaches
/// native code: sherpa-onnx does not catch ONNX Runtime's exceptions, so a file it cannot parse ends the process.
/// </summary>
internal sealed record SherpaModelFiles(string Directory, string ModelType, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The roles each model type needs: a role is a file name prefix (<c>role*.onnx</c>) or an exact name.</summary>
    private static readonly Dictionary<string, string[]> Roles = new()
    {
        ["streaming_zipformer"] = ["encoder", "decoder", "joiner", "tokens.txt"],
        ["streaming_paraformer"] = ["encoder", "decoder", "tokens.txt"],
        ["sense_voice"] = ["model", "tokens.txt"],
        ["paraformer"] = ["model", "tokens.txt"],
    };

    /// <summary>True for the model types that recognize while audio streams (online recognizers).</summary>
    public bool IsStreaming => ModelType.StartsWith("streaming_", StringComparison.Ordinal);

    public string this[string role] => Files[role];

    public static SherpaModelFiles? TryLocate(SherpaAsrOptions options, string modelRoot, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            error = string.Join("; ", problems);
            return null;
        }
        var directory = Path.GetFullPath(Path.Combine(modelRoot, options.ModelDir));
        if (!System.IO.Directory.Exists(directory))
        {
            error = $"speech.asr.sherpa.model_dir: no model directory at {directory} (`./huawu models list` shows the packs `./huawu models pull` installs)";
            return null;
        }
        var files = new Dictionary<string, string>();
        foreach (var role in Roles[options.ModelType])
        {
            var isOnnx = !role.Contains('.', StringComparison.Ordinal);
            var file = Find(directory, role, options.PreferInt8);
            if (file is null)
            {
                problems.Add(isOnnx ? $"lacks {role}*.onnx" : $"lacks {role}");
                continue;
            }
            if (isOnnx) CheckOnnx(file, problems);
            files[role] = file;
        }
        error = problems.Count == 0
            ? null
            : $"speech.asr.sherpa.model_dir: {directory} is not a usable {options.ModelType} model: {string.Join("; ", problems)}";
        return problems.Count == 0 ? new SherpaModelFiles(directory, options.ModelType, files) : null;
    }

    private static string? Find(string directory, string role, bool preferInt8)
    {
        if (role.Contains('.', StringComparison.Ordinal))
        {
            var path = Path.Combine(directory, role);
            return IsNonEmpty(path) ? path : null;
        }
        var candidates = System.IO.Directory.EnumerateFiles(directory, role + "*.onnx")
            .Where(IsNonEmpty)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        var quantized = candidates.Where(p => p.EndsWith(".int8.onnx", StringComparison.Ordinal)).ToList();
        var full = candidates.Except(quantized).ToList();
        return (preferInt8 ? quantized.Concat(full) : full.Concat(quantized)).FirstOrDefault();
    }

    /// <summary>
    /// An ONNX file is a protobuf <c>ModelProto</c>, whose first field is <c>ir_version</c> (field 1, varint: tag byte
    /// 0x08). Anything else — a Git LFS pointer, an HTML error page saved as the model — would abort the process.
    /// </summary>
    private static void CheckOnnx(string path, List<string> problems)
    {
        Span<byte> head = stackalloc byte[1];
        using var file = File.OpenRead(path);
        if (file.Read(head) == 1 && head[0] == 0x08) return;
        problems.Add($"{Path.GetFileName(path)} is not an ONNX model (a Git LFS pointer or an error page saved in its place?)");
    }

    private static bool IsNonEmpty(string path) => File.Exists(path) && new FileInfo(path).Length > 0;
}
