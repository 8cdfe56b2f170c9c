using Huawu.ContactCenter.Imports;
using Huawu.ContactCenter.Phones;
using Huawu.Data.Compliance;

namespace Huawu.ContactCenter.Compliance;

/// <summary>What a registry import did.</summary>
public sealed record DoNotCallImportReport(long Lines, int Added, int AlreadyListed, int Invalid, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Loads a do-not-call registry file into the do-not-call list (blind indexes only), streaming: one number per line, or a delimited
/// file whose first column is the number. The US National Do Not Call Registry's data files give the area code and the 7-digit number
/// in two columns (<c>201,2345678</c>): those are joined. Entries keep the registry's name as their source, so a refusal names it.
/// </summary>
public sealed class DoNotCallImporter(IDoNotCallList list)
{
    public async Task<DoNotCallImportReport> ImportAsync(string path, string registry, PhoneRegion region, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        ArgumentNullException.ThrowIfNull(region);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, TextEncodings.Detect(stream));
        long lines = 0;
        int added = 0, already = 0, invalid = 0;
        var problems = new List<ImportProblem>();
        while (await reader.ReadLineAsync(cancellation) is { } line)
        {
            lines++;
            if (string.IsNullOrWhiteSpace(line) || (lines == 1 && !line.Any(char.IsAsciiDigit))) continue; // blank, or a header
            var parsed = PhoneNumberParser.Parse(NumberOf(line), region);
            if (!parsed.IsValid)
            {
                invalid++;
                if (problems.Count < ImportReport.MaxListedProblems) problems.Add(new ImportProblem((int)Math.Min(lines, int.MaxValue), PhoneProblems.Describe(parsed.Problem)));
                continue;
            }
            var listed = await list.AddAsync(parsed.E164!, "registry", $"registry:{registry}", cancellation);
            if (listed.Value) added++;
            else already++;
            if (lines % 1000 == 0) progress?.Report(new ImportProgress(lines, (double)stream.Position / Math.Max(1, stream.Length)));
        }
        progress?.Report(new ImportProgress(lines, 1));
        return new DoNotCallImportReport(lines, added, already, invalid, problems);
    }

    private static string NumberOf(string line)
    {
        var fields = line.Split([',', ';', '\t', '|']).Select(f => f.Trim().Trim('"')).ToArray();
        return fields.Length >= 2 && fields[0].Length == 3 && fields[1].Length == 7 && fields[0].All(char.IsAsciiDigit) && fields[1].All(char.IsAsciiDigit)
            ? fields[0] + fields[1]
            : fields[0];
    }
}
