using System.Buffers.Binary;
using Huawu.Media.Codecs;
using Huawu.Testing;

namespace Huawu.Media.Tests.Codecs;

/// <summary>Bit-exactness against the ITU-T G.191 G.711 vectors: every 16-bit input, both laws, both directions.</summary>
public sealed class G711Tests
{
    private static short[] ReadWords(string name)
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("testdata/g711/" + name));
        var words = new short[bytes.Length / 2];
        for (var i = 0; i < words.Length; i++) words[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(2 * i));
        return words;
    }

    [Theory]
    [InlineData(true, "sweep-r.u")]
    [InlineData(false, "sweep-r.a")]
    public void Encoding_every_input_matches_the_G191_codes(bool muLaw, string codesFile)
    {
        var input = ReadWords("sweep.src");
        var expected = ReadWords(codesFile);
        Assert.Equal(65536, input.Length);
        var codes = new byte[input.Length];
        if (muLaw) G711.EncodeMuLaw(input, codes);
        else G711.EncodeALaw(input, codes);
        for (var i = 0; i < input.Length; i++)
        {
            if (codes[i] != (byte)expected[i]) Assert.Fail($"Input {input[i]}: code 0x{codes[i]:X2}, G.191 says 0x{expected[i]:X2}");
        }
    }

    [Theory]
    [InlineData(true, "sweep-r.u", "sweep-r.u-u")]
    [InlineData(false, "sweep-r.a", "sweep-r.a-a")]
    public void Decoding_the_G191_codes_matches_the_G191_reconstruction(bool muLaw, string codesFile, string reconstructedFile)
    {
        var codes = ReadWords(codesFile).Select(w => (byte)w).ToArray();
        var expected = ReadWords(reconstructedFile);
        var decoded = new short[codes.Length];
        if (muLaw) G711.DecodeMuLaw(codes, decoded);
        else G711.DecodeALaw(codes, decoded);
        Assert.Equal(expected, decoded);
    }

    [Fact]
    public void Every_A_law_code_survives_decode_then_encode()
    {
        var codes = Enumerable.Range(0, 256).Select(c => (byte)c).ToArray();
        var linear = new short[256];
        var again = new byte[256];
        G711.DecodeALaw(codes, linear);
        G711.EncodeALaw(linear, again);
        Assert.Equal(codes, again);
    }

    [Fact]
    public void Every_mu_law_code_but_negative_zero_survives_decode_then_encode()
    {
        // G.711 µ-law has two zeros: 0xFF (+0) and 0x7F (−0); both decode to 0, which encodes as +0.
        var codes = Enumerable.Range(0, 256).Select(c => (byte)c).ToArray();
        var linear = new short[256];
        var again = new byte[256];
        G711.DecodeMuLaw(codes, linear);
        G711.EncodeMuLaw(linear, again);
        for (var c = 0; c < 256; c++) Assert.Equal(c == 0x7F ? G711.MuLawSilence : codes[c], again[c]);
    }

    [Fact]
    public void Silence_codes_decode_to_the_quietest_levels()
    {
        Span<short> pcm = stackalloc short[1];
        G711.DecodeMuLaw([G711.MuLawSilence], pcm);
        Assert.Equal(0, pcm[0]);
        // A-law has no zero level: its quietest is ±8 (half the first segment's step).
        G711.DecodeALaw([G711.ALawSilence], pcm);
        Assert.Equal(8, pcm[0]);
        var code = new byte[1];
        G711.EncodeALaw([0], code);
        Assert.Equal(G711.ALawSilence, code[0]);
    }

    [Fact]
    public void Output_shorter_than_input_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => G711.EncodeMuLaw(new short[10], new byte[9]));
    }
}
