using Huawu.Server.Calls;
using Huawu.Server.Configuration;

namespace Huawu.Server.Tests.Calls;

/// <summary>The <c>recording:</c> and <c>call_records:</c> sections of the configuration file.</summary>
public sealed class RecordingConfigurationTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"huawu-recording-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void By_default_nothing_is_recorded_and_dtmf_keys_are_not_kept()
    {
        var configuration = Load("data: d\n").Configuration!;
        Assert.Equal((RecordingMode.None, false), (configuration.Recording.Mode, configuration.CallRecords.StoreDtmfDigits));
    }

    [Fact]
    public void Recording_all_and_keeping_dtmf_keys_are_read_from_the_file()
    {
        var configuration = Load("recording: { mode: all }\ncall_records: { store_dtmf_digits: true, queue_capacity: 500 }\n").Configuration!;
        Assert.Equal((RecordingMode.All, true, 500), (configuration.Recording.Mode, configuration.CallRecords.StoreDtmfDigits, configuration.CallRecords.QueueCapacity));
    }

    [Theory]
    [InlineData("recording: { mode: sometimes }\n", ":1:20: Requested value 'Sometimes' was not found")]
    [InlineData("recording: { mode: 7 }\n", "recording.mode: '7' is not one of none, all")]
    [InlineData("call_records: { queue_capacity: 5 }\n", "call_records.queue_capacity: 5 is not 100-1000000")]
    [InlineData("recording: { mode: all, format: mp3 }\n", "format")]
    public void A_bad_value_is_an_error_naming_it(string yaml, string named)
    {
        var result = Load(yaml);
        Assert.Null(result.Configuration);
        Assert.Contains(result.Errors, e => e.Contains(named, StringComparison.Ordinal));
    }

    private ConfigurationResult Load(string yaml)
    {
        File.WriteAllText(_file, yaml);
        return ConfigurationLoader.Load(_file, new ConfigurationOverrides());
    }
}
