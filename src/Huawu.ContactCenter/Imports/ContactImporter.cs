using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Huawu.ContactCenter.Phones;
using Huawu.Data;
using Huawu.Data.Contacts;

namespace Huawu.ContactCenter.Imports;

/// <summary>
/// Imports a file of contacts into a list, streaming: rows are read one at a time and written in batches. Numbers are
/// normalized to E.164 in the list's region; a number already in the list (found by its blind index, whatever spelling it
/// was stored in) or earlier in the file is skipped, so running the same import again adds nothing. Rows that cannot be
/// imported are reported with their line and reason while the good rows go in.
/// </summary>
public sealed class ContactImporter(IContactRepository contacts)
{
    public const int BatchSize = 500;

    /// <summary>Imports <paramref name="source"/>; a failure before any row (bad mapping, missing list) is the result's error.</summary>
    public async Task<ImportOutcome> ImportAsync(IRowSource source, ImportRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        if (await contacts.GetListAsync(request.ListId, cancellation) is null) return ImportOutcome.Failed([$"contact list {request.ListId}: not found"]);
        if (ColumnMapping.Create(source.Headers, request.Map, out var errors) is not { } mapping) return ImportOutcome.Failed(errors);
        var run = new Run(request);
        var batch = new List<(int Line, NewContact Contact)>(BatchSize);
        while (source.TryRead(out var row))
        {
            if (row.IsBlank) continue;
            run.Rows++;
            if (Read(row, mapping, request.Region, run) is { } contact) batch.Add((row.Line, contact));
            if (batch.Count == BatchSize)
            {
                if (await WriteAsync(batch, run, cancellation) is { } failure) return failure;
                request.Progress?.Report(new ImportProgress(run.Rows, source.Progress));
            }
        }
        if (await WriteAsync(batch, run, cancellation) is { } last) return last;
        request.Progress?.Report(new ImportProgress(run.Rows, 1));
        return ImportOutcome.Done(new ImportReport(run.Rows, run.Added, run.AlreadyInList, run.DuplicatesInFile, run.Invalid, run.Problems));
    }

    private static NewContact? Read(SourceRow row, ColumnMapping mapping, PhoneRegion region, Run run)
    {
        if (row.Malformed is { } malformed) return run.Refuse(row.Line, malformed);
        var phone = PhoneNumberParser.Parse(row.Cell(mapping.PhoneColumn), region);
        if (!phone.IsValid) return run.Refuse(row.Line, $"phone: {PhoneProblems.Describe(phone.Problem)}");
        // In-file duplicates are caught here by a hash of the number (the row numbers they repeat); the list's own by the store.
        if (!run.FirstLines.TryAdd(NumberKey(phone.E164!), row.Line))
        {
            run.DuplicatesInFile++;
            return run.Report(row.Line, $"same number as line {run.FirstLines[NumberKey(phone.E164!)]} (与第{run.FirstLines[NumberKey(phone.E164!)]}行号码重复)");
        }
        string? name = null, idNumber = null, notes = null;
        Dictionary<string, string>? attributes = null;
        foreach (var binding in mapping.Bindings)
        {
            var value = row.Cell(binding.Column)?.Trim();
            if (string.IsNullOrEmpty(value)) continue;
            switch (binding.Field)
            {
                case ContactField.Name: name = value; break;
                case ContactField.IdNumber: idNumber = value; break;
                case ContactField.Notes: notes = value; break;
                case ContactField.Attribute: (attributes ??= new(StringComparer.Ordinal))[binding.AttributeName!] = value; break;
            }
        }
        return new NewContact(phone.E164!, name, idNumber, notes, attributes);
    }

    private async Task<ImportOutcome?> WriteAsync(List<(int Line, NewContact Contact)> batch, Run run, CancellationToken cancellation)
    {
        if (batch.Count == 0) return null;
        var written = await contacts.ImportAsync(run.Request.ListId, [.. batch.Select(b => b.Contact)], cancellation);
        if (written.Value is not { } import) return ImportOutcome.Failed([$"contact list {run.Request.ListId}: {written.Detail}"]);
        run.Added += import.Added;
        foreach (var index in import.DuplicateRows)
        {
            run.AlreadyInList++;
            run.Report(batch[index].Line, "already in the list (名单中已有此号码)");
        }
        // The store refuses what the parser let through only if the two disagree: report it rather than lose the row.
        foreach (var index in import.InvalidRows) run.Refuse(batch[index].Line, "phone: refused by the store (存储拒绝)");
        batch.Clear();
        return null;
    }

    // Not a secret index (that is the store's blind index): a process-local 64-bit digest, so a million numbers cost 8 bytes each.
    private static long NumberKey(string e164)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes(e164), hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    private sealed class Run(ImportRequest request)
    {
        public ImportRequest Request { get; } = request;

        public Dictionary<long, int> FirstLines { get; } = [];

        public List<ImportProblem> Problems { get; } = [];

        public long Rows { get; set; }

        public int Added { get; set; }

        public int AlreadyInList { get; set; }

        public int DuplicatesInFile { get; set; }

        public int Invalid { get; set; }

        public NewContact? Refuse(int line, string reason)
        {
            Invalid++;
            return Report(line, reason);
        }

        public NewContact? Report(int line, string reason)
        {
            var problem = new ImportProblem(line, reason);
            if (Problems.Count < ImportReport.MaxListedProblems) Problems.Add(problem);
            Request.OnProblem?.Invoke(problem);
            return null;
        }
    }
}
