using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Huawu.Sip.Authentication;

/// <summary>
/// Digest credentials: the value of an <c>Authorization</c> or <c>Proxy-Authorization</c> header
/// (RFC 7616 §3.4, RFC 3261 §22.2 and §22.3).
/// </summary>
public sealed class DigestAuthorization
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public required string Username { get; init; }

    public required string Realm { get; init; }

    public required string Nonce { get; init; }

    /// <summary>The digest-uri: in SIP, the Request-URI (RFC 3261 §22.4).</summary>
    public required string Uri { get; init; }

    /// <summary>The request digest, lowercase hex.</summary>
    public required string Response { get; init; }

    public DigestAlgorithm Algorithm { get; init; } = DigestAlgorithm.Md5;

    /// <summary>Whether the value names its algorithm; RFC 2617 clients may leave MD5 implicit.</summary>
    public bool AlgorithmStated { get; init; } = true;

    public DigestQop Qop { get; init; }

    /// <summary>The nc value: how many requests this client has sent with <see cref="Nonce"/>. Zero without qop.</summary>
    public uint NonceCount { get; init; }

    public string? Cnonce { get; init; }

    public string? Opaque { get; init; }

    /// <summary>RFC 7616 §3.4.4: the username is hashed. This stack neither sends nor accepts that.</summary>
    public bool UserHash { get; init; }

    public static bool TryParse(string headerValue, [NotNullWhen(true)] out DigestAuthorization? authorization, out DigestParseFailure failure)
    {
        ArgumentNullException.ThrowIfNull(headerValue);
        authorization = null;
        if (!DigestParameters.TryParse(headerValue, out var parameters, out failure)
            || !parameters.TryGetRequired("username", out var username, out failure)
            || !parameters.TryGetRequired("realm", out var realm, out failure)
            || !parameters.TryGetRequired("nonce", out var nonce, out failure)
            || !parameters.TryGetRequired("uri", out var uri, out failure)
            || !parameters.TryGetRequired("response", out var response, out failure)
            || !parameters.TryGetAlgorithm(out var algorithm, out var algorithmStated, out failure)
            || !TryReadQop(parameters, out var qop, out var nonceCount, out var cnonce, out failure))
        {
            return false;
        }
        if (!IsHex(response))
        {
            failure = new(DigestParseFailureKind.Malformed, "response is not hexadecimal");
            return false;
        }
        authorization = new DigestAuthorization
        {
            Username = username,
            Realm = realm,
            Nonce = nonce,
            Uri = uri,
            Response = response,
            Algorithm = algorithm,
            AlgorithmStated = algorithmStated,
            Qop = qop,
            NonceCount = nonceCount,
            Cnonce = cnonce,
            Opaque = parameters["opaque"],
            UserHash = string.Equals(parameters["userhash"], "true", StringComparison.OrdinalIgnoreCase),
        };
        return true;
    }

    /// <summary>The header value in RFC 3261 §22.4's parameter order; qop and nc are tokens, not quoted (RFC 7616 §3.4).</summary>
    public override string ToString()
    {
        var writer = new DigestHeaderWriter()
            .Quoted("username", Username)
            .Quoted("realm", Realm)
            .Quoted("nonce", Nonce)
            .Quoted("uri", Uri)
            .Quoted("response", Response);
        if (AlgorithmStated) writer.Token("algorithm", Algorithm.ToToken());
        if (Cnonce is not null) writer.Quoted("cnonce", Cnonce);
        if (Opaque is not null) writer.Quoted("opaque", Opaque);
        if (Qop != DigestQop.None)
        {
            writer.Token("qop", Qop.ToToken()).Token("nc", NonceCount.ToString("x8", CultureInfo.InvariantCulture));
        }
        return writer.ToString();
    }

    /// <summary>RFC 7616 §3.4: with qop, cnonce and an 8-hex-digit nc are mandatory; without qop they must be absent.</summary>
    private static bool TryReadQop(
        DigestParameters parameters, out DigestQop qop, out uint nonceCount, out string? cnonce, out DigestParseFailure failure)
    {
        failure = default;
        nonceCount = 0;
        cnonce = parameters["cnonce"];
        var qopValue = parameters["qop"];
        if (qopValue is null)
        {
            qop = DigestQop.None;
            return true;
        }
        if (!DigestTokens.TryParseQop(qopValue, out qop))
        {
            failure = new(DigestParseFailureKind.Unsupported, $"qop '{qopValue}' is not supported");
            return false;
        }
        var nc = parameters["nc"];
        if (cnonce is null || nc is null)
        {
            failure = new(DigestParseFailureKind.Malformed, "qop is present but cnonce or nc is missing");
            return false;
        }
        if (nc.Length != 8 || !uint.TryParse(nc, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out nonceCount) || nonceCount == 0)
        {
            failure = new(DigestParseFailureKind.Malformed, $"nc '{nc}' is not 8 hex digits counting from 1");
            return false;
        }
        return true;
    }

    private static bool IsHex(string value) => value.Length > 0 && !value.AsSpan().ContainsAnyExcept(HexDigits);
}
