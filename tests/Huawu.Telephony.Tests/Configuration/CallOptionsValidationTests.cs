using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Tests.Configuration;

/// <summary>The calls: section is checked before a node starts, named by its path in the file.</summary>
public sealed class CallOptionsValidationTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(TelephonyOptionsValidator.Validate(new TelephonyOptions()));
    }

    [Fact]
    public void A_ring_time_under_a_second_and_a_missing_hold_music_file_are_reported()
    {
        var options = new TelephonyOptions { Calls = new CallOptions { ExtensionRingSeconds = 0, MusicOnHoldFile = "/nonexistent/hold.wav" } };

        var errors = TelephonyOptionsValidator.Validate(options);

        Assert.Equal(["calls.extension_ring_seconds: must be at least 1", "calls.music_on_hold_file: '/nonexistent/hold.wav' does not exist"], errors);
    }

    [Fact]
    public void A_hold_music_file_that_is_not_a_wav_is_reported()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not audio");
            var errors = TelephonyOptionsValidator.Validate(new TelephonyOptions { Calls = new CallOptions { MusicOnHoldFile = path } });

            Assert.StartsWith("calls.music_on_hold_file: ", Assert.Single(errors), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
