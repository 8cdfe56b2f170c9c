using System.Reflection;

namespace Huawu.Robot.Samples;

/// <summary>
/// The sample scripts shipped inside the product (this folder's <c>*.yaml</c>, embedded): a loan follow-up, an
/// appointment reminder and a satisfaction survey, each in Chinese and English. Their transcript regression files
/// are in <c>Samples/transcripts/</c> of the source tree.
/// </summary>
public static class SampleScripts
{
    private const string Prefix = "Huawu.Robot.Samples.";

    /// <summary>The file names of the samples (<c>loan-followup.zh.yaml</c>…), sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. typeof(SampleScripts).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The YAML of a sample, or null when there is no such sample.</summary>
    public static string? Read(string name)
    {
        using var stream = typeof(SampleScripts).Assembly.GetManifestResourceStream(Prefix + name);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
