using System.Buffers.Binary;
using Huawu.Speech.Tts.Audio;

namespace Huawu.Speech.Tts.Http;

/// <summary>
/// Turns a response body into 16-bit mono samples at the engine's rate as the bytes arrive: raw PCM as is (a byte
/// split across reads waits for its partner), or a WAV stream whose header is read first — streaming servers send
/// 0 or 0xFFFFFFFF as the data size, so the data runs to the end of the body. WAV at another rate is converted; stereo
/// is mixed down.
/// </summary>
internal sealed class PcmStreamDecoder(bool wav, int outputRate)
{
    private const int LongestHeader = 4096;
    private readonly List<byte> _pending = [];
    private bool _inData = !wav;
    private int _channels = 1;
    private ChunkResampler? _converter;

    public bool TryDecode(ReadOnlySpan<byte> bytes, out short[] samples, out string error)
    {
        samples = [];
        error = "";
        _pending.AddRange(bytes);
        if (!_inData && !TryReadHeader(out error)) return error.Length == 0;
        var frameBytes = 2 * _channels;
        var usable = _pending.Count - (_pending.Count % frameBytes);
        if (usable == 0) return true;
        var frames = Pcm.FromLittleEndian(_pending.GetRange(0, usable).ToArray());
        _pending.RemoveRange(0, usable);
        var mono = _channels == 1 ? frames : MixDown(frames);
        samples = _converter is null ? mono : _converter.Process(mono);
        return true;
    }

    /// <summary>What a rate converter still holds at the end of the body.</summary>
    public short[] Finish() => _converter?.Flush() ?? [];

    /// <summary>Reads RIFF/WAVE chunks up to <c>data</c>; false with no error while more header bytes are needed.</summary>
    private bool TryReadHeader(out string error)
    {
        error = "";
        var header = _pending.ToArray().AsSpan();
        if (header.Length < 12) return NeedMore(header.Length, out error);
        if (!header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            error = "the response is not WAV audio (no RIFF/WAVE header)";
            return false;
        }
        var at = 12;
        while (at + 8 <= header.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header[(at + 4)..]);
            if (header.Slice(at, 4).SequenceEqual("data"u8))
            {
                _pending.RemoveRange(0, at + 8);
                _inData = true;
                return true;
            }
            if (at + 8 + size > header.Length) return NeedMore(header.Length, out error);
            if (header.Slice(at, 4).SequenceEqual("fmt "u8) && !TryReadFormat(header.Slice(at + 8, (int)size), out error)) return false;
            at += 8 + (int)size + (int)(size & 1);
        }
        return NeedMore(header.Length, out error);
    }

    private bool TryReadFormat(ReadOnlySpan<byte> format, out string error)
    {
        error = "";
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(format);
        _channels = BinaryPrimitives.ReadUInt16LittleEndian(format[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(format[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(format[14..]);
        // WAVE_FORMAT_PCM, or WAVE_FORMAT_EXTENSIBLE (0xFFFE) whose sub-format is PCM.
        if (tag is not (1 or 0xFFFE) || bits != 16 || _channels is not (1 or 2) || rate <= 0)
        {
            error = $"the WAV audio is not 16-bit PCM mono or stereo (format {tag}, {bits} bits, {_channels} channels)";
            return false;
        }
        if (rate != outputRate) _converter = new ChunkResampler(rate, outputRate);
        return true;
    }

    private static bool NeedMore(int have, out string error)
    {
        error = have > LongestHeader ? "the WAV header never reaches its data chunk" : "";
        return false;
    }

    private static short[] MixDown(short[] stereo)
    {
        var mono = new short[stereo.Length / 2];
        for (var i = 0; i < mono.Length; i++) mono[i] = (short)((stereo[2 * i] + stereo[(2 * i) + 1]) >> 1);
        return mono;
    }
}
