namespace Huawu.Media.Codecs;

/// <summary>
/// Lookup tables for <see cref="G711"/>, computed once from the segment rules of ITU-T G.711 §2–3 in the
/// form the G.191 reference coder states them (one's complement magnitude of negative inputs, bias 33 for
/// µ-law, even-bit inversion 0x55 for A-law). Tests check every 16-bit input against the G.191 vectors.
/// </summary>
internal static class G711Tables
{
    /// <summary>µ-law code by the top 14 bits of a sample (index = (ushort)sample &gt;&gt; 2).</summary>
    public static readonly byte[] MuLawEncode = BuildMuLawEncode();

    /// <summary>A-law code by the top 12 bits of a sample (index = (ushort)sample &gt;&gt; 4).</summary>
    public static readonly byte[] ALawEncode = BuildALawEncode();

    public static readonly short[] MuLawDecode = BuildDecode(MuLawExpand);

    public static readonly short[] ALawDecode = BuildDecode(ALawExpand);

    private static byte[] BuildMuLawEncode()
    {
        var table = new byte[1 << 14];
        for (var index = 0; index < table.Length; index++) table[index] = MuLawCompress((short)(index << 2));
        return table;
    }

    private static byte[] BuildALawEncode()
    {
        var table = new byte[1 << 12];
        for (var index = 0; index < table.Length; index++) table[index] = ALawCompress((short)(index << 4));
        return table;
    }

    private static short[] BuildDecode(Func<byte, short> expand)
    {
        var table = new short[256];
        for (var code = 0; code < table.Length; code++) table[code] = expand((byte)code);
        return table;
    }

    private static byte MuLawCompress(short linear)
    {
        // G.711 µ-law: 14-bit magnitude (one's complement for negatives, as G.191 does) plus bias 33, clipped.
        var magnitude = (linear < 0 ? ~linear >> 2 : linear >> 2) + 33;
        magnitude = Math.Min(magnitude, 0x1FFF);
        var segment = 1;
        for (var rest = magnitude >> 6; rest != 0; rest >>= 1) segment++;
        var highNibble = 8 - segment;
        var lowNibble = 0x0F - ((magnitude >> segment) & 0x0F);
        var code = (highNibble << 4) | lowNibble;
        return (byte)(linear >= 0 ? code | 0x80 : code);
    }

    private static short MuLawExpand(byte code)
    {
        var sign = code < 0x80 ? -1 : 1;
        var complement = ~code;
        var exponent = (complement >> 4) & 0x07;
        var mantissa = complement & 0x0F;
        var step = 4 << (exponent + 1);
        return (short)(sign * ((0x80 << exponent) + (step * mantissa) + (step / 2) - (4 * 33)));
    }

    private static byte ALawCompress(short linear)
    {
        // G.711 A-law: 12-bit magnitude (one's complement for negatives), segment = position of the leading one.
        var magnitude = linear < 0 ? ~linear >> 4 : linear >> 4;
        if (magnitude > 15)
        {
            var exponent = 1;
            while (magnitude > 16 + 15)
            {
                magnitude >>= 1;
                exponent++;
            }
            magnitude = magnitude - 16 + (exponent << 4);
        }
        if (linear >= 0) magnitude |= 0x80;
        // G.711 §3: even bits are inverted on the line.
        return (byte)(magnitude ^ 0x55);
    }

    private static short ALawExpand(byte code)
    {
        var value = (code ^ 0x55) & 0x7F;
        var exponent = value >> 4;
        var mantissa = value & 0x0F;
        if (exponent > 0) mantissa += 16;
        mantissa = (mantissa << 4) + 8;
        if (exponent > 1) mantissa <<= exponent - 1;
        return (short)(code > 0x7F ? mantissa : -mantissa);
    }
}
