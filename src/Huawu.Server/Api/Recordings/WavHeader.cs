using System.Buffers.Binary;
using Huawu.Data.Recordings;

namespace Huawu.Server.Api.Recordings;

/// <summary>
/// The RIFF/WAVE header in front of a recording's raw audio, so browsers play it as <c>audio/wav</c>: 16-bit PCM
/// (format tag 1) or G.711 as stored (tags 7 μ-law and 6 A-law, 8 bits per sample, with the 18-byte WAVEFORMATEX).
/// </summary>
internal static class WavHeader
{
    public static byte[] For(RecordingFormat format, long audioBytes)
    {
        var pcm = format.Codec == AudioCodec.Pcm16;
        var fmtLength = pcm ? 16 : 18;
        var header = new byte[12 + 8 + fmtLength + 8];
        var span = header.AsSpan();
        var bytesPerSample = pcm ? 2 : 1;
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)Math.Min(uint.MaxValue, header.Length - 8 + audioBytes));
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)fmtLength);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], format.Codec switch
        {
            AudioCodec.Pcmu => 7,
            AudioCodec.Pcma => 6,
            _ => 1,
        });
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)format.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)format.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(format.SampleRate * format.Channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)(format.Channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], (ushort)(8 * bytesPerSample));
        var data = 36 + (pcm ? 0 : 2); // cbSize = 0 follows a non-PCM format
        "data"u8.CopyTo(span[data..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(data + 4)..], (uint)Math.Min(uint.MaxValue, audioBytes));
        return header;
    }
}
