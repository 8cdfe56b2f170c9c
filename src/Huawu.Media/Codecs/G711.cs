namespace Huawu.Media.Codecs;

/// <summary>
/// ITU-T G.711 µ-law and A-law companding on spans, table-driven, bit-exact with the ITU-T G.191
/// reference coder (<c>g711.c</c>). Input is 16-bit linear PCM; codes are one byte per sample.
/// </summary>
public static class G711
{
    /// <summary>Encodes linear samples to µ-law codes; <paramref name="codes"/> must be at least as long.</summary>
    public static void EncodeMuLaw(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(codes.Length, samples.Length);
        var table = G711Tables.MuLawEncode;
        for (var i = 0; i < samples.Length; i++)
        {
            // G.191 µ-law works on the top 14 bits; the table is indexed by them (two's complement, unsigned).
            codes[i] = table[(ushort)samples[i] >> 2];
        }
    }

    /// <summary>Decodes µ-law codes to linear samples; <paramref name="samples"/> must be at least as long.</summary>
    public static void DecodeMuLaw(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples.Length, codes.Length);
        var table = G711Tables.MuLawDecode;
        for (var i = 0; i < codes.Length; i++) samples[i] = table[codes[i]];
    }

    /// <summary>Encodes linear samples to A-law codes; <paramref name="codes"/> must be at least as long.</summary>
    public static void EncodeALaw(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(codes.Length, samples.Length);
        var table = G711Tables.ALawEncode;
        for (var i = 0; i < samples.Length; i++)
        {
            // G.191 A-law works on the top 12 bits (13-bit signed range); the table is indexed by them.
            codes[i] = table[(ushort)samples[i] >> 4];
        }
    }

    /// <summary>Decodes A-law codes to linear samples; <paramref name="samples"/> must be at least as long.</summary>
    public static void DecodeALaw(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples.Length, codes.Length);
        var table = G711Tables.ALawDecode;
        for (var i = 0; i < codes.Length; i++) samples[i] = table[codes[i]];
    }

    /// <summary>The µ-law code of digital silence (+0), used to fill gaps.</summary>
    public const byte MuLawSilence = 0xFF;

    /// <summary>The A-law code sent as silence: the smallest positive level (+8), as A-law has no zero.</summary>
    public const byte ALawSilence = 0xD5;
}
