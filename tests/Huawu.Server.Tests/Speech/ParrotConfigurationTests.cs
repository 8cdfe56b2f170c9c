using Huawu.Server.Configuration;

namespace Huawu.Server.Tests.Speech;

/// <summary><c>diagnostics.parrot</c> beside the telephony layer's own diagnostics, as the configuration file spells it.</summary>
public sealed class ParrotConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("huawu-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_parrot_is_read_with_the_other_diagnostics_which_still_reach_the_telephony_layer()
    {
        var result = Load("""
            diagnostics:
              echo: "9196"
              tone: "9195"
              parrot:
                extension: "9197"
                greeting: Say something.
                reply: "Heard: {heard}"
                grammar: [yes, no]
                trailing_silence_ms: 300
                barge_in: false
            """);
        Assert.Empty(result.Errors);
        var diagnostics = result.Configuration!.Diagnostics;
        Assert.Equal(("9196", "9195", "playback"), (diagnostics.Telephony.Echo, diagnostics.Telephony.Tone, diagnostics.Telephony.Playback));
        Assert.Same(diagnostics.Telephony, result.Configuration.Telephony.Diagnostics);
        var parrot = diagnostics.Parrot;
        Assert.Equal(("9197", "Say something.", "Heard: {heard}", 300, false), (parrot.Extension, parrot.Greeting, parrot.Reply, parrot.TrailingSilenceMs, parrot.BargeIn));
        Assert.Equal(["yes", "no"], parrot.Grammar);
    }

    [Fact]
    public void Bad_values_are_errors_naming_the_key_unless_the_parrot_is_off()
    {
        const string Bad = """
            diagnostics:
              parrot:
                extension: {0}
                reply: "You said it."
                grammar: []
                trailing_silence_ms: 10
                no_input_seconds: 0
            """;
        var result = Load(string.Format(System.Globalization.CultureInfo.InvariantCulture, Bad, "parrot"));
        Assert.Null(result.Configuration);
        foreach (var key in new[] { "reply", "grammar", "trailing_silence_ms", "no_input_seconds" })
        {
            Assert.Contains(result.Errors, e => e.Contains($"diagnostics.parrot.{key}: ", StringComparison.Ordinal));
        }
        Assert.Empty(Load(string.Format(System.Globalization.CultureInfo.InvariantCulture, Bad, "\"\"")).Errors);
    }

    private ConfigurationResult Load(string yaml)
    {
        var path = Path.Combine(_directory, "huawu.yaml");
        File.WriteAllText(path, yaml);
        return ConfigurationLoader.Load(path, new ConfigurationOverrides());
    }
}
