namespace Huawu.Speech.Tts.Audio;

/// <summary>Sample format conversions at the edges of engines.</summary>
internal static class Pcm
{
    /// <summary>Floats in [-1, 1] (sherpa-onnx's output) to 16-bit samples, clipping what lies outside.</summary>
    public static short[] FromFloat(ReadOnlySpan<float> samples)
    {
        var pcm = new short[samples.Length];
        for (var i = 0; i < samples.Length; i++) pcm[i] = (short)Math.Clamp(MathF.Round(samples[i] * 32767f), -32768f, 32767f);
        return pcm;
    }

    /// <summary>Little-endian 16-bit bytes (a WAV data chunk, an HTTP body) to samples; <paramref name="bytes"/> has an even length.</summary>
    public static short[] FromLittleEndian(ReadOnlySpan<byte> bytes)
    {
        var pcm = new short[bytes.Length / 2];
        for (var i = 0; i < pcm.Length; i++) pcm[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]);
        return pcm;
    }
}
