using System.Net;
using Huawu.Data.Storage;
using Huawu.Telephony.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Huawu.Server.Configuration;

/// <summary>
/// Reads the configuration file, applies command-line overrides (flags win over the file) and validates
/// the result. Every problem comes back as a message naming the file position or key, never as a stack trace.
/// </summary>
public static class ConfigurationLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithEnumNamingConvention(LowerCaseNamingConvention.Instance)
        .Build();

    public static ConfigurationResult Load(string? path, ConfigurationOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ServerConfiguration configuration;
        if (path is null)
        {
            configuration = new ServerConfiguration();
        }
        else if (!File.Exists(path))
        {
            return ConfigurationResult.Failed($"{path}: no such configuration file");
        }
        else
        {
            try
            {
                using var reader = File.OpenText(path);
                configuration = Deserializer.Deserialize<ServerConfiguration?>(reader) ?? new ServerConfiguration();
            }
            catch (YamlException e)
            {
                return ConfigurationResult.Failed($"{path}:{e.Start.Line}:{e.Start.Column}: {Describe(e)}");
            }
        }

        var errors = new List<string>();
        Apply(overrides, configuration, errors);
        errors.AddRange(TelephonyOptionsValidator.Validate(configuration.Telephony));
        errors.AddRange(DatabaseOptionsValidator.Validate(configuration.Database));
        errors.AddRange(configuration.Accounts.Validate());
        errors.AddRange(configuration.Recording.Validate());
        errors.AddRange(configuration.CallRecords.Validate());
        errors.AddRange(configuration.Dialer.Validate());
        errors.AddRange(QueueOptions.Validate(configuration.Queues, configuration.Extensions));
        errors.AddRange(configuration.Speech.Vad.Validate());
        errors.AddRange(configuration.Speech.Tts.Validate());
        errors.AddRange(configuration.Speech.Asr.Validate());
        errors.AddRange(configuration.Diagnostics.Parrot.Validate());
        if (!IPAddress.TryParse(configuration.Http.Address, out _))
            errors.Add($"http.address: '{configuration.Http.Address}' is not an IP address");
        if (configuration.Http.Port is < 0 or > 65535)
            errors.Add($"http.port: {configuration.Http.Port} is not a port (0-65535; 0 picks a free one)");
        if (string.IsNullOrWhiteSpace(configuration.Data)) errors.Add("data: required");
        return errors.Count == 0
            ? ConfigurationResult.Loaded(configuration)
            : ConfigurationResult.Failed(errors.Select(e => (path ?? "defaults") + ": " + e).ToArray());
    }

    private static void Apply(ConfigurationOverrides overrides, ServerConfiguration configuration, List<string> errors)
    {
        if (overrides.DataDirectory is { } data) configuration.Data = data;
        if (overrides.HttpPort is { } httpPort) configuration.Http.Port = httpPort;
        if (overrides.SipPort is { } sipPort)
        {
            // One flag moves every listener: the usual case is one UDP and one TCP listener on the same port.
            foreach (var listener in configuration.Sip.Listen) listener.Port = sipPort;
        }
        if (overrides.RtpPorts is { } rtpPorts)
        {
            if (PortRange.TryParse(rtpPorts, out _, out var error)) configuration.Rtp.Ports = rtpPorts;
            else errors.Add($"--rtp-ports: {error}");
        }
    }

    // YamlDotNet wraps the useful message (unknown key, bad scalar) in an outer "Exception during deserialization".
    private static string Describe(YamlException e) =>
        e.InnerException is { } inner && e.Message.StartsWith("Exception during deserialization", StringComparison.Ordinal)
            ? inner.Message
            : e.Message;
}

/// <summary>Values given on the command line; each one that is set replaces the file's.</summary>
public sealed record ConfigurationOverrides(string? DataDirectory = null, int? SipPort = null, int? HttpPort = null, string? RtpPorts = null);

public sealed class ConfigurationResult
{
    private ConfigurationResult(ServerConfiguration? configuration, IReadOnlyList<string> errors)
    {
        Configuration = configuration;
        Errors = errors;
    }

    public ServerConfiguration? Configuration { get; }

    public IReadOnlyList<string> Errors { get; }

    public static ConfigurationResult Loaded(ServerConfiguration configuration) => new(configuration, []);

    public static ConfigurationResult Failed(params string[] errors) => new(null, errors);
}
