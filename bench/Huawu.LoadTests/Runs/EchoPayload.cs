namespace Huawu.LoadTests.Runs;

/// <summary>
/// The audio SIPp plays into every echo call: 60 s of random PCMU bytes, so each 20 ms payload is unique and its
/// echo can be recognised. The byte 0x7F (μ-law −0) is left out: it decodes to 0, which G.711 encodes as 0xFF
/// (+0), the one code an echo does not return unchanged.
/// </summary>
internal static class EchoPayload
{
    private const int Seconds = 60, BytesPerSecond = 8000, NegativeZero = 0x7F;

    public static void Write(string path)
    {
        var bytes = new byte[Seconds * BytesPerSecond];
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
