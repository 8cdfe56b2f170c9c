using System.Globalization;
using System.Security.Cryptography;
using Huawu.Data.Storage;

namespace Huawu.Data.Keys;

/// <summary>
/// Makes sure a store is opened with the keys it was written with. A node started with another key file would
/// compute other blind indexes, so a do-not-call check would silently miss; its data keys would not open the
/// stored values. The database keeps a fingerprint of each key (an HMAC of a fixed label under the key, which
/// reveals nothing about it), recorded on first use and compared on every open.
/// </summary>
internal static class KeyCheck
{
    private static readonly byte[] Label = "huawu-key-check-v1"u8.ToArray();

    public static Task<string?> VerifyOrRecordAsync(Database database, KeyRing keys, TimeProvider time, CancellationToken cancellation)
    {
        var expected = new List<(string Name, string Fingerprint, string What)>
        {
            ("index", Fingerprint(keys.IndexKey), "the blind-index key"),
            ("audit", Fingerprint(keys.AuditKey), "the audit key"),
        };
        expected.AddRange(keys.DataKeys.Select(k =>
            ("data." + k.Id.ToString(CultureInfo.InvariantCulture), Fingerprint(k.Material), $"data key {k.Id}")));
        return database.WriteAsync<string?>(async (c, t) =>
        {
            foreach (var (name, fingerprint, what) in expected)
            {
                var stored = await c.FirstOrDefault<string>("SELECT fingerprint FROM key_fingerprints WHERE name = @name", new { name }, t, cancellation);
                if (stored is null)
                {
                    await c.Exec("INSERT INTO key_fingerprints (name, fingerprint, recorded_at) VALUES (@name, @fingerprint, @now)",
                        new { name, fingerprint, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, t, cancellation);
                }
                else if (!string.Equals(stored, fingerprint, StringComparison.Ordinal))
                {
                    return $"{what} is not the one this database was written with: start Huawu with the key file (or HUAWU_KEYS) that belongs to it";
                }
            }
            return null;
        }, cancellation);
    }

    private static string Fingerprint(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Label).AsSpan(0, 16));
}
