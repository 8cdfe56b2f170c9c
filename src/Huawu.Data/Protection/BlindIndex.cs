using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Huawu.Data.Keys;

namespace Huawu.Data.Protection;

/// <summary>
/// Keyed HMAC-SHA-256 over a normalized value: the same input always gives the same index, so equality
/// lookups (do-not-call, de-duplication, erasure) work without plaintext, and without the index key the
/// small space of phone numbers cannot be enumerated. Each data class hashes under its own label so equal
/// strings of different kinds never share an index.
/// </summary>
internal sealed class BlindIndex(KeyRing keys)
{
    public const int Length = 32;

    /// <summary>The index of an E.164 number (normalize first).</summary>
    public byte[] Phone(string e164) => Compute(DataClass.PhoneNumber, e164);

    /// <summary>The index of an identity document number: case and separators do not matter.</summary>
    public byte[] IdNumber(string idNumber) => Compute(DataClass.IdNumber, NormalizeIdNumber(idNumber));

    public static string NormalizeIdNumber(string idNumber) =>
        string.Concat(idNumber.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();

    private byte[] Compute(DataClass dataClass, string value)
    {
        var label = dataClass.ToString();
        var length = label.Length + 1 + Encoding.UTF8.GetByteCount(value);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.ASCII.GetBytes(label, rented);
            rented[written++] = 0;
            written += Encoding.UTF8.GetBytes(value, rented.AsSpan(written));
            return HMACSHA256.HashData(keys.IndexKey, rented.AsSpan(0, written));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
