using System.Text;

namespace Huawu.Sip.Transactions;

/// <summary>
/// Equality and hashing of key parts kept as views into message bytes. Hashes use <see cref="HashCode"/>, which is
/// seeded per process, so peers cannot pick branches or tags that collide in the tables.
/// </summary>
internal static class KeyBytes
{
    // Longer values hash by their first bytes only; equality still compares all of them.
    private const int HashedPrefix = 128;

    /// <summary>The memory of <paramref name="part"/>, a span lying inside <paramref name="whole"/>, without copying.</summary>
    public static ReadOnlyMemory<byte> SliceOf(ReadOnlyMemory<byte> whole, ReadOnlySpan<byte> part) =>
        part.IsEmpty || !whole.Span.Overlaps(part, out var offset) ? default : whole.Slice(offset, part.Length);

    public static bool Equal(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, bool ignoreCase) =>
        ignoreCase ? Ascii.EqualsIgnoreCase(left, right) : left.SequenceEqual(right);

    public static void Add(ref HashCode hash, ReadOnlySpan<byte> value, bool ignoreCase)
    {
        var prefix = value[..Math.Min(value.Length, HashedPrefix)];
        if (!ignoreCase)
        {
            hash.AddBytes(prefix);
            return;
        }
        Span<byte> folded = stackalloc byte[prefix.Length];
        Ascii.ToLower(prefix, folded, out _);
        hash.AddBytes(folded);
    }
}
