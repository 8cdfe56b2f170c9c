namespace Huawu.LoadTests.Runs;

/// <summary>
/// The audio SIPp plays into every echo call: random PCMU bytes, longer than a call lasts, so each 20 ms payload of
/// a call is unique and its echo can be recognised (a file that looped would send a payload twice, and a dropped
/// first copy would then be taken for echoed). The byte 0x7F (μ-law −0) is left out: it decodes to 0, which G.711
/// encodes as 0xFF (+0), the one code an echo does not return unchanged.
/// </summary>
internal static class EchoPayload
{
    private const int BytesPerSecond = 8000, NegativeZero = 0x7F;

    /// <summary>Writes at least <paramref name="length"/> of audio (whole seconds) to <paramref name="path"/>.</summary>
    public static void Write(string path, TimeSpan length)
    {
        var bytes = new byte[(int)Math.Ceiling(length.TotalSeconds) * BytesPerSecond];
        // A fixed seed: every run plays the same audio. Not security-relevant.
#pragma warning disable CA5394
        new Random(20_000).NextBytes(bytes);
#pragma warning restore CA5394
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == NegativeZero) bytes[i] = NegativeZero - 1;
        }
        File.WriteAllBytes(path, bytes);
    }
}
