using Huawu.Server.Configuration;
using Huawu.Telephony.Configuration;
using Huawu.Testing;

namespace Huawu.Server.Tests.Configuration;

public sealed class ConfigurationLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("huawu-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_directory, "huawu.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Without_a_file_the_defaults_listen_on_loopback_only()
    {
        var result = ConfigurationLoader.Load(null, new ConfigurationOverrides());
        var configuration = Assert.IsType<ServerConfiguration>(result.Configuration);
        Assert.All(configuration.Sip.Listen, l => Assert.Equal("127.0.0.1", l.Address));
        Assert.Equal("127.0.0.1", configuration.Rtp.Address);
        Assert.Equal("127.0.0.1", configuration.Http.Address);
    }

    [Fact]
    public void The_example_configuration_in_the_repository_is_valid()
    {
        var example = Path.Combine(SharedData.RepositoryRoot, "config", "huawu.example.yaml");
        var result = ConfigurationLoader.Load(example, new ConfigurationOverrides());
        Assert.Empty(result.Errors);
        var configuration = result.Configuration!;
        Assert.NotEmpty(configuration.Trunks);
        Assert.NotEmpty(configuration.Extensions);
    }

    [Fact]
    public void A_file_is_read_with_snake_case_keys_and_lower_case_enums()
    {
        var path = Write("""
            data: /var/lib/huawu
            sip:
              listen:
                - { transport: tcp, address: 127.0.0.1, port: 5070 }
              public_address: 203.0.113.7
            rtp:
              ports: 30000-30099
            trunks:
              - name: carrier
                host: 127.0.0.1
                port: 5080
                username: acme
                password: secret
                register: true
                inbound_addresses: [127.0.0.2]
            extensions:
              - { number: "1001", password: pw, display_name: Alice }
            """);
        var configuration = ConfigurationLoader.Load(path, new ConfigurationOverrides()).Configuration!;
        Assert.Equal("/var/lib/huawu", configuration.Data);
        var listener = Assert.Single(configuration.Sip.Listen);
        Assert.Equal((SipTransportKind.Tcp, 5070), (listener.Transport, listener.Port));
        Assert.Equal("203.0.113.7", configuration.Sip.PublicAddress);
        Assert.Equal("30000-30099", configuration.Rtp.Ports);
        var trunk = Assert.Single(configuration.Trunks);
        Assert.True(trunk.Register);
        Assert.Equal(["127.0.0.2"], trunk.InboundAddresses);
        Assert.Equal("Alice", Assert.Single(configuration.Extensions).DisplayName);
    }

    [Fact]
    public void Command_line_flags_override_the_file()
    {
        var path = Write("""
            data: from-file
            http: { port: 9000 }
            rtp: { ports: 30000-30099 }
            """);
        var configuration = ConfigurationLoader.Load(path, new ConfigurationOverrides("from-flag", 5099, 9001, "40000-40009")).Configuration!;
        Assert.Equal("from-flag", configuration.Data);
        Assert.Equal(9001, configuration.Http.Port);
        Assert.All(configuration.Sip.Listen, l => Assert.Equal(5099, l.Port));
        Assert.Equal("40000-40009", configuration.Rtp.Ports);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_its_line_and_column()
    {
        var path = Write("""
            sip:
              domian: example.com
            """);
        var error = Assert.Single(ConfigurationLoader.Load(path, new ConfigurationOverrides()).Errors);
        Assert.StartsWith($"{path}:2:3:", error, StringComparison.Ordinal);
        Assert.Contains("domian", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_invalid_value_is_named_by_its_path()
    {
        var path = Write("""
            sip:
              listen:
                - { transport: udp, address: not-an-ip, port: 70000 }
            rtp: { ports: 5-4 }
            trunks:
              - { name: "", host: "", register: true }
            extensions:
              - { number: "10 01", password: "" }
            """);
        var errors = ConfigurationLoader.Load(path, new ConfigurationOverrides()).Errors;
        string[] expected =
        [
            "sip.listen[0].address", "sip.listen[0].port", "rtp.ports", "trunks[0].name", "trunks[0].host",
            "trunks[0].username", "extensions[0].number", "extensions[0].password",
        ];
        foreach (var key in expected) Assert.Contains(errors, e => e.Contains(key + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_rtp_port_flag_is_an_error_not_a_silent_default()
    {
        var errors = ConfigurationLoader.Load(null, new ConfigurationOverrides(RtpPorts: "20000")).Errors;
        Assert.Contains(errors, e => e.Contains("--rtp-ports", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        var missing = Path.Combine(_directory, "absent.yaml");
        Assert.Equal($"{missing}: no such configuration file", Assert.Single(ConfigurationLoader.Load(missing, new ConfigurationOverrides()).Errors));
    }
}
