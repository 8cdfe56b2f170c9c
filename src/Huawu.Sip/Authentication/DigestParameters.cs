using System.Diagnostics.CodeAnalysis;

namespace Huawu.Sip.Authentication;

/// <summary>The parameters of a <c>Digest</c> header value, with the checks challenges and credentials share.</summary>
internal sealed class DigestParameters
{
    private readonly Dictionary<string, string> _values;

    private DigestParameters(Dictionary<string, string> values) => _values = values;

    public static bool TryParse(string headerValue, [NotNullWhen(true)] out DigestParameters? parameters, out DigestParseFailure failure)
    {
        parameters = null;
        if (!AuthParameterParser.TryReadScheme(headerValue, out var scheme, out var rest))
        {
            failure = new(DigestParseFailureKind.Malformed, "no authentication scheme");
            return false;
        }
        // RFC 4475 §3.3.7 (regaut01): an unknown scheme is not an error in the message,
        // it only means these credentials cannot be checked, so the server challenges again.
        if (!DigestTokens.IsDigestScheme(scheme))
        {
            failure = new(DigestParseFailureKind.UnsupportedScheme, $"scheme '{scheme}' is not Digest");
            return false;
        }
        if (!AuthParameterParser.TryParseParameters(rest, out var values, out var error))
        {
            failure = new(DigestParseFailureKind.Malformed, error);
            return false;
        }
        parameters = new DigestParameters(values);
        failure = default;
        return true;
    }

    public string? this[string name] => _values.GetValueOrDefault(name);

    public bool TryGetRequired(string name, [NotNullWhen(true)] out string? value, out DigestParseFailure failure)
    {
        failure = default;
        if (_values.TryGetValue(name, out value)) return true;
        failure = new(DigestParseFailureKind.Malformed, $"required parameter '{name}' is missing");
        return false;
    }

    /// <summary>RFC 7616 §3.3: an absent algorithm means MD5.</summary>
    public bool TryGetAlgorithm(out DigestAlgorithm algorithm, out bool stated, out DigestParseFailure failure)
    {
        failure = default;
        var token = this["algorithm"];
        stated = token is not null;
        if (token is null)
        {
            algorithm = DigestAlgorithm.Md5;
            return true;
        }
        if (DigestTokens.TryParseAlgorithm(token, out algorithm)) return true;
        failure = new(DigestParseFailureKind.Unsupported, $"algorithm '{token}' is not supported");
        return false;
    }
}
