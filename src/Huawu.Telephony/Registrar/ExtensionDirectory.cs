using Huawu.Sip.Authentication;
using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Registrar;

/// <summary>The configured extensions by number, with the digest secret each one authenticates with.</summary>
internal sealed class ExtensionDirectory
{
    private readonly Dictionary<string, DigestCredential> _credentials = new(StringComparer.Ordinal);

    public ExtensionDirectory(IEnumerable<ExtensionOptions> extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        foreach (var extension in extensions)
        {
            // TelephonyOptionsValidator rejects duplicates and empty passwords before anything starts.
            _credentials.Add(extension.Number, DigestCredential.FromPassword(extension.Password));
        }
    }

    /// <summary>The secret of <paramref name="number"/>, or null for a number that is not an extension.</summary>
    public DigestCredential? FindCredential(string number) => _credentials.GetValueOrDefault(number);
}
