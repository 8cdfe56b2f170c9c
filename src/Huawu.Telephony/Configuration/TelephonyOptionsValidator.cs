using System.Net;
using Huawu.Sip.Authentication;
using Huawu.Media.Audio;

namespace Huawu.Telephony.Configuration;

/// <summary>
/// Checks a <see cref="TelephonyOptions"/> before anything binds a socket, naming each problem by its path in
/// the configuration file (<c>trunks[1].host</c>) so an operator can fix the file without reading code.
/// </summary>
public static class TelephonyOptionsValidator
{
    public static IReadOnlyList<string> Validate(TelephonyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        ValidateSip(options.Sip, errors);
        ValidateRtp(options.Rtp, errors);
        ValidateTrunks(options.Trunks, errors);
        ValidateExtensions(options.Extensions, errors);
        ValidateDiagnostics(options.Diagnostics, errors);
        ValidateCalls(options.Calls, errors);
        return errors;
    }

    private static void ValidateSip(SipOptions sip, List<string> errors)
    {
        if (sip.Listen.Count == 0) errors.Add("sip.listen: at least one listener is needed");
        for (var i = 0; i < sip.Listen.Count; i++)
        {
            var listener = sip.Listen[i];
            if (!IPAddress.TryParse(listener.Address, out _))
                errors.Add($"sip.listen[{i}].address: '{listener.Address}' is not an IP address");
            CheckPort($"sip.listen[{i}].port", listener.Port, errors);
        }
        var duplicates = sip.Listen.GroupBy(l => (l.Transport, l.Address, l.Port)).Where(g => g.Count() > 1);
        foreach (var duplicate in duplicates)
            errors.Add($"sip.listen: {duplicate.Key.Transport} {duplicate.Key.Address}:{duplicate.Key.Port} is listed twice");
        if (!string.IsNullOrEmpty(sip.PublicAddress) && Uri.CheckHostName(sip.PublicAddress) == UriHostNameType.Unknown)
            errors.Add($"sip.public_address: '{sip.PublicAddress}' is neither an IP address nor a host name");
        if (string.IsNullOrWhiteSpace(sip.Domain)) errors.Add("sip.domain: required");
        if (sip.DigestAlgorithms.Count == 0) errors.Add("sip.digest_algorithms: at least one algorithm is needed");
        if (sip.DigestAlgorithms.Distinct().Count() != sip.DigestAlgorithms.Count) errors.Add("sip.digest_algorithms: an algorithm is listed twice");
        foreach (var algorithm in sip.DigestAlgorithms.Where(a => a is not (DigestAlgorithm.Md5 or DigestAlgorithm.Sha256)))
            errors.Add($"sip.digest_algorithms: {algorithm} is not offered; use md5 and sha256");
        if (sip.MaxTransactions < 1) errors.Add("sip.max_transactions: must be at least 1");
        if (sip.MaxConnections < 1) errors.Add("sip.max_connections: must be at least 1");
    }

    private static void ValidateRtp(RtpOptions rtp, List<string> errors)
    {
        if (!IPAddress.TryParse(rtp.Address, out _)) errors.Add($"rtp.address: '{rtp.Address}' is not an IP address");
        if (!PortRange.TryParse(rtp.Ports, out _, out var error)) errors.Add($"rtp.ports: {error}");
        if (rtp.TimeoutSeconds < 0) errors.Add("rtp.timeout_seconds: must not be negative");
    }

    private static void ValidateTrunks(List<TrunkOptions> trunks, List<string> errors)
    {
        for (var i = 0; i < trunks.Count; i++)
        {
            var trunk = trunks[i];
            var at = $"trunks[{i}]";
            if (string.IsNullOrWhiteSpace(trunk.Name)) errors.Add($"{at}.name: required");
            if (string.IsNullOrWhiteSpace(trunk.Host) || Uri.CheckHostName(trunk.Host) == UriHostNameType.Unknown)
                errors.Add($"{at}.host: '{trunk.Host}' is neither an IP address nor a host name");
            CheckPort($"{at}.port", trunk.Port, errors);
            if (trunk.Register && string.IsNullOrEmpty(trunk.Username))
                errors.Add($"{at}.username: required when register is true");
            if (trunk.RegisterExpirySeconds < 60) errors.Add($"{at}.register_expiry_seconds: must be at least 60");
            if (trunk.OptionsIntervalSeconds < 0) errors.Add($"{at}.options_interval_seconds: must not be negative");
            foreach (var address in trunk.InboundAddresses.Where(a => !IPAddress.TryParse(a, out _)))
                errors.Add($"{at}.inbound_addresses: '{address}' is not an IP address");
        }
        foreach (var name in trunks.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add($"trunks: the name '{name.Key}' is used twice");
    }

    private static void ValidateExtensions(List<ExtensionOptions> extensions, List<string> errors)
    {
        for (var i = 0; i < extensions.Count; i++)
        {
            var extension = extensions[i];
            if (string.IsNullOrWhiteSpace(extension.Number) || !extension.Number.All(IsUserCharacter))
                errors.Add($"extensions[{i}].number: '{extension.Number}' must be a non-empty SIP user name (letters, digits, - _ . ! ~ * ' ( ) +)");
            if (string.IsNullOrEmpty(extension.Password))
                errors.Add($"extensions[{i}].password: required (phones register with digest authentication)");
        }
        foreach (var number in extensions.GroupBy(e => e.Number).Where(g => g.Count() > 1))
            errors.Add($"extensions: the number '{number.Key}' is used twice");
    }

    private static void ValidateDiagnostics(DiagnosticsOptions diagnostics, List<string> errors) =>
        CheckWav("diagnostics.playback_file", diagnostics.PlaybackFile, errors);

    private static void ValidateCalls(CallOptions calls, List<string> errors)
    {
        if (calls.ExtensionRingSeconds < 1) errors.Add("calls.extension_ring_seconds: must be at least 1");
        CheckWav("calls.music_on_hold_file", calls.MusicOnHoldFile, errors);
    }

    /// <summary>An optional WAV the node plays: it must exist and be in a format the media engine reads.</summary>
    private static void CheckWav(string path, string? file, List<string> errors)
    {
        if (string.IsNullOrEmpty(file)) return;
        if (!File.Exists(file))
        {
            errors.Add($"{path}: '{file}' does not exist");
            return;
        }
        using var stream = File.OpenRead(file);
        var status = WavReader.TryOpen(stream, out var reader);
        reader?.Dispose();
        if (status != WavStatus.Ok)
            errors.Add($"{path}: '{file}' is not a playable WAV ({status}); use 8 or 16 kHz PCM, A-law or µ-law");
    }

    // RFC 3261 §25.1: the unreserved characters of a user part, plus '+' common in E.164 numbers.
    private static bool IsUserCharacter(char c) => char.IsAsciiLetterOrDigit(c) || "-_.!~*'()+".Contains(c);

    private static void CheckPort(string path, int port, List<string> errors)
    {
        if (port is < 1 or > 65535) errors.Add($"{path}: {port} is not a port (1-65535)");
    }
}
