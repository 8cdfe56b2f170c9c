namespace Huawu.Sip.Uris;

/// <summary>
/// RFC 3261 §19.1.4: "URI header components are never ignored. Any present header component MUST be present in
/// both URIs and match"; their order does not matter. Names compare ignoring case, values as written (after
/// decoding unreserved escapes).
/// </summary>
internal static class UriHeadersEquivalence
{
    public static bool Equal(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        Count(left) == Count(right) && EachFoundIn(left, right);

    private static int Count(ReadOnlySpan<byte> headers) => headers.IsEmpty ? 0 : headers.Count((byte)'&') + 1;

    private static bool EachFoundIn(ReadOnlySpan<byte> these, ReadOnlySpan<byte> others)
    {
        foreach (var range in these.Split((byte)'&'))
        {
            if (these[range].IsEmpty) continue;
            if (!Contains(others, these[range])) return false;
        }
        return true;
    }

    private static bool Contains(ReadOnlySpan<byte> headers, ReadOnlySpan<byte> wanted)
    {
        SplitPair(wanted, out var wantedName, out var wantedValue);
        foreach (var range in headers.Split((byte)'&'))
        {
            SplitPair(headers[range], out var name, out var value);
            if (UriComponent.Equal(name, wantedName, ignoreCase: true) && UriComponent.Equal(value, wantedValue, ignoreCase: false))
            {
                return true;
            }
        }
        return false;
    }

    private static void SplitPair(ReadOnlySpan<byte> pair, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var equals = pair.IndexOf((byte)'=');
        name = equals < 0 ? pair : pair[..equals];
        value = equals < 0 ? default : pair[(equals + 1)..];
    }
}
