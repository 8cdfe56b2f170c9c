using Huawu.Media.Codecs;

namespace Huawu.Media.Tests.Codecs;

public sealed class AudioCodecsTests
{
    [Theory]
    [InlineData("PCMU", (byte)0)]
    [InlineData("pcma", (byte)8)]
    public void G711_is_found_by_rtpmap_name_case_insensitively_with_its_static_type(string name, byte payloadType)
    {
        // RFC 3551 Table 4: PCMU 0 and PCMA 8, 8000 Hz, one channel; RFC 4566 §6: names are case-insensitive.
        Assert.True(AudioCodecs.TryFind(name, 8000, 1, out var codec));
        Assert.Equal(payloadType, codec.DefaultPayloadType);
        Assert.Equal(8000, codec.ClockRate);
        Assert.Equal(8000, codec.SampleRate);
        Assert.Equal(1, codec.Channels);
        Assert.True(AudioCodecs.TryFindStatic(payloadType, out var byType));
        Assert.Same(codec, byType);
    }

    [Fact]
    public void Unknown_rates_names_and_dynamic_types_are_not_found()
    {
        Assert.False(AudioCodecs.TryFind("PCMU", 16000, 1, out _));
        Assert.False(AudioCodecs.TryFind("opus", 48000, 2, out _));
        Assert.False(AudioCodecs.TryFindStatic(18, out _));
        Assert.False(AudioCodecs.TryFindStatic(96, out _));
    }

    [Fact]
    public void A_frame_round_trips_through_the_codec_interface()
    {
        var codec = AudioCodecs.Pcma;
        var pcm = Enumerable.Range(0, 160).Select(i => (short)((i - 80) * 300)).ToArray();
        var payload = new byte[codec.CreateEncoder().GetMaxEncodedLength(pcm.Length)];
        Assert.Equal(160, codec.CreateEncoder().Encode(pcm, payload));
        var decoder = codec.CreateDecoder();
        Assert.Equal(160, decoder.GetSampleCount(payload));
        var decoded = new short[160];
        Assert.Equal(160, decoder.Decode(payload, decoded));
        var expected = new short[160];
        G711.DecodeALaw(payload, expected);
        Assert.Equal(expected, decoded);
        // Companding error stays within half a quantization step of the largest A-law segment (G.711 §3).
        for (var i = 0; i < pcm.Length; i++) Assert.InRange(Math.Abs(decoded[i] - pcm[i]), 0, 512);
    }
}
