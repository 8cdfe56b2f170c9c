using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Huawu.Data.Audit;

/// <summary>
/// The chain rule: <c>hash = HMAC-SHA-256(audit key, "huawu-audit-v1" | previous hash | canonical content)</c>.
/// The canonical content is every stored field in a fixed order, integers big-endian and strings
/// length-prefixed (null distinct from empty), so no two different entries encode alike. The sequence number
/// is part of it: moving an entry to another position breaks its hash. The key lives outside the database, so
/// someone who can write to the database cannot recompute the chain after an edit.
/// </summary>
internal static class AuditChain
{
    public const int HashLength = 32;
    private const int NullLength = -1;
    private static readonly byte[] Domain = "huawu-audit-v1"u8.ToArray();

    public static byte[] Genesis { get; } = new byte[HashLength];

    public static byte[] Hash(byte[] auditKey, long sequence, long occurredAtMs, string actor, string action, string outcome,
        string? targetType, string? targetId, string? detail, byte[] previousHash)
    {
        using var content = new MemoryStream();
        content.Write(Domain);
        content.Write(previousHash);
        WriteInt64(content, sequence);
        WriteInt64(content, occurredAtMs);
        foreach (var field in (ReadOnlySpan<string?>)[actor, action, outcome, targetType, targetId, detail]) WriteString(content, field);
        return HMACSHA256.HashData(auditKey, content.GetBuffer().AsSpan(0, (int)content.Length));
    }

    private static void WriteInt64(MemoryStream stream, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteString(MemoryStream stream, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, NullLength);
            stream.Write(length);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
