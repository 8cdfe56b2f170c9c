using System.Buffers;

namespace Huawu.Sip.Parsing;

/// <summary>Character classes of the RFC 3261 §25.1 ABNF, as vectorizable byte sets.</summary>
internal static class SipCharacters
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // unreserved = alphanum / mark; mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")"
    private const string Unreserved = Alphanumeric + "-_.!~*'()";

    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")</summary>
    public static readonly SearchValues<byte> Token = Create(Alphanumeric + "-.!%*_+`'~");

    /// <summary>word: token characters plus ( ) &lt; &gt; : \ DQUOTE / [ ] ? { } (Call-ID).</summary>
    public static readonly SearchValues<byte> Word = Create(Alphanumeric + "-.!%*_+`'~()<>:\\\"/[]?{}");

    /// <summary>user = 1*(unreserved / escaped / "&amp;" / "=" / "+" / "$" / "," / ";" / "?" / "/").</summary>
    public static readonly SearchValues<byte> User = Create(Unreserved + "%&=+$,;?/");

    /// <summary>password = *(unreserved / escaped / "&amp;" / "=" / "+" / "$" / ",").</summary>
    public static readonly SearchValues<byte> Password = Create(Unreserved + "%&=+$,");

    /// <summary>paramchar = param-unreserved / unreserved / escaped; param-unreserved = [ ] / : &amp; + $.</summary>
    public static readonly SearchValues<byte> UriParameter = Create(Unreserved + "%[]/:&+$");

    /// <summary>hname / hvalue characters: hnv-unreserved / unreserved / escaped; hnv-unreserved = [ ] / ? : + $.</summary>
    public static readonly SearchValues<byte> UriHeader = Create(Unreserved + "%[]/?:+$");

    /// <summary>Characters of hostname and IPv4address.</summary>
    public static readonly SearchValues<byte> Host = Create(Alphanumeric + "-.");

    /// <summary>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).</summary>
    public static readonly SearchValues<byte> Scheme = Create(Alphanumeric + "+-.");

    /// <summary>uric = reserved / unreserved / escaped, plus the RFC 3986 gen-delims "[" "]" "#".</summary>
    public static readonly SearchValues<byte> AbsoluteUri = Create(Unreserved + "%;/?:@&=+$,[]#");

    /// <summary>telephone-subscriber characters of RFC 3966 (digits, hex for local numbers, visual separators).</summary>
    public static readonly SearchValues<byte> TelephoneNumber = Create("0123456789ABCDEFabcdef*#+-.()");

    /// <summary>
    /// gen-value = token / host / quoted-string (RFC 3261 §25.1); host adds ":" "[" "]" for IPv6 so that
    /// "received=2001:db8::1" and "maddr=[::1]" are accepted.
    /// </summary>
    public static readonly SearchValues<byte> GenericValue = Create(Alphanumeric + "-.!%*_+`'~:[]");

    public static readonly SearchValues<byte> Digits = Create("0123456789");

    public static readonly SearchValues<byte> HexDigits = Create("0123456789ABCDEFabcdef");

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t';

    public static bool IsAlpha(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsHexDigit(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 'f' - 'a';

    private static SearchValues<byte> Create(string characters)
    {
        var bytes = new byte[characters.Length];
        for (var i = 0; i < characters.Length; i++) bytes[i] = (byte)characters[i];
        return SearchValues.Create(bytes);
    }
}
