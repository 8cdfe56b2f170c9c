using System.Text.Json;
using System.Text.Json.Serialization;

namespace Huawu.Data.Keys;

/// <summary>The key file's JSON shape; <c>HUAWU_KEYS</c> holds the same document.</summary>
internal sealed class KeyFileDocument
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public int Format { get; set; } = CurrentFormat;

    public string Note { get; set; } =
        "Huawu data keys. Keep this file secret and back it up apart from the database and its backups: " +
        "without it the personal data and recordings cannot be read.";

    public uint Active { get; set; }

    public List<KeyEntry> DataKeys { get; set; } = [];

    public string IndexKey { get; set; } = "";

    public string AuditKey { get; set; } = "";

    public sealed class KeyEntry
    {
        public uint Id { get; set; }

        public string Key { get; set; } = "";

        public DateTimeOffset CreatedAt { get; set; }
    }

    public static KeyFileDocument From(KeyRing ring) => new()
    {
        Active = ring.ActiveKeyId,
        DataKeys = [.. ring.DataKeys.Select(k => new KeyEntry { Id = k.Id, Key = Convert.ToBase64String(k.Material), CreatedAt = k.CreatedAt })],
        IndexKey = Convert.ToBase64String(ring.IndexKey),
        AuditKey = Convert.ToBase64String(ring.AuditKey),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Parses and checks a document; problems come back as a message, never an exception.</summary>
    public static bool TryParse(string json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KeyRing? ring, out string error)
    {
        ring = null;
        KeyFileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<KeyFileDocument>(json, Options);
        }
        catch (JsonException e)
        {
            error = "not a Huawu key document: " + e.Message;
            return false;
        }
        if (document is null || document.Format != CurrentFormat)
        {
            error = $"unsupported key document format {document?.Format}; expected {CurrentFormat}";
            return false;
        }
        var keys = new List<DataKey>();
        foreach (var entry in document.DataKeys)
        {
            if (entry.Id == 0 || keys.Any(k => k.Id == entry.Id))
            {
                error = $"data key id {entry.Id} is zero or repeated";
                return false;
            }
            if (!TryDecodeKey(entry.Key, out var material))
            {
                error = $"data key {entry.Id} is not {DataKey.Size} bytes of base64";
                return false;
            }
            keys.Add(new DataKey(entry.Id, material, entry.CreatedAt));
        }
        if (!keys.Any(k => k.Id == document.Active))
        {
            error = $"the active key {document.Active} is not among the data keys";
            return false;
        }
        if (!TryDecodeKey(document.IndexKey, out var indexKey) || !TryDecodeKey(document.AuditKey, out var auditKey))
        {
            error = $"index_key and audit_key must each be {DataKey.Size} bytes of base64";
            return false;
        }
        ring = new KeyRing(keys, document.Active, indexKey, auditKey);
        error = "";
        return true;
    }

    private static bool TryDecodeKey(string base64, out byte[] key)
    {
        key = new byte[DataKey.Size];
        return Convert.TryFromBase64String(base64, key, out var written) && written == DataKey.Size;
    }
}
