using System.Buffers.Binary;
using Huawu.Media.Audio;
using Huawu.Media.Codecs;
using Huawu.Testing;

namespace Huawu.Media.Tests.Audio;

public sealed class WavTests
{
    /// <summary>A WAV file built by hand: any format tag, optional extra chunks before the data.</summary>
    private static MemoryStream Build(ushort tag, int channels, int rate, int bits, byte[] data, byte[]? extraChunk = null, ushort? extensibleTag = null, uint? declaredDataLength = null)
    {
        var fmtLength = extensibleTag is null ? 16 : 40;
        var stream = new MemoryStream();
        var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(0u);
        writer.Write("WAVE"u8);
        if (extraChunk is not null) writer.Write(extraChunk);
        writer.Write("fmt "u8);
        writer.Write((uint)fmtLength);
        writer.Write(extensibleTag is null ? tag : (ushort)0xFFFE);
        writer.Write((ushort)channels);
        writer.Write(rate);
        writer.Write(rate * channels * bits / 8);
        writer.Write((ushort)(channels * bits / 8));
        writer.Write((ushort)bits);
        if (extensibleTag is { } sub)
        {
            writer.Write((ushort)22);
            writer.Write((ushort)bits);
            writer.Write(0u);
            writer.Write(sub);
            writer.Write(new byte[] { 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71 });
        }
        writer.Write("data"u8);
        writer.Write(declaredDataLength ?? (uint)data.Length);
        writer.Write(data);
        stream.Position = 0;
        return stream;
    }

    private static short[] ReadAll(WavReader reader)
    {
        var all = new List<short>();
        var block = new short[7]; // an odd block size exercises partial reads
        int read;
        while ((read = reader.Read(block)) > 0) all.AddRange(block.AsSpan(0, read).ToArray());
        return [.. all];
    }

    [Theory]
    [InlineData(8000, 1)]
    [InlineData(16000, 2)]
    public void Written_pcm_reads_back_with_the_header_sizes_patched(int rate, int channels)
    {
        var samples = Enumerable.Range(0, 2 * 321).Select(i => (short)((i * 97) - 20000)).ToArray();
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, rate, channels, leaveOpen: true))
        {
            writer.Write(samples.AsSpan(0, 2 * channels));
            writer.Write(samples.AsSpan(2 * channels));
            Assert.Equal(samples.Length / channels, writer.FrameCount);
        }
        var bytes = stream.ToArray();
        Assert.Equal(44 + (samples.Length * 2), bytes.Length);
        Assert.Equal((uint)(bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal((uint)(samples.Length * 2), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)));

        stream.Position = 0;
        Assert.Equal(WavStatus.Ok, WavReader.TryOpen(stream, out var reader));
        using (reader)
        {
            Assert.Equal(new WavFormat(WavEncoding.Pcm16, rate, channels), reader!.Format);
            Assert.Equal(samples.Length, reader.SampleCount);
            Assert.Equal(samples, ReadAll(reader));
        }
    }

    [Fact]
    public void A_file_written_to_disk_loads_back_as_a_clip()
    {
        var path = Path.Combine(Path.GetTempPath(), $"huawu-{Guid.NewGuid():N}.wav");
        try
        {
            using (var writer = WavWriter.Create(path, 16000, 1)) writer.Write([1, -2, 3]);
            var clip = AudioClip.Load(path);
            Assert.Equal(16000, clip.SampleRate);
            Assert.Equal(new short[] { 1, -2, 3 }, clip.Samples.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Stereo_writes_interleave_left_then_right()
    {
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, 8000, 2, leaveOpen: true)) writer.WriteStereo([1, 2, 3], [-1, -2, -3]);
        stream.Position = 0;
        WavReader.TryOpen(stream, out var reader);
        Assert.Equal(new short[] { 1, -1, 2, -2, 3, -3 }, ReadAll(reader!));
    }

    [Theory]
    [InlineData((ushort)6, false)]
    [InlineData((ushort)7, false)]
    [InlineData((ushort)7, true)]
    public void G711_files_decode_to_linear_pcm(ushort tag, bool extensible)
    {
        var codes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var stream = Build(tag, 1, 8000, 8, codes, extensibleTag: extensible ? tag : null);
        Assert.Equal(WavStatus.Ok, WavReader.TryOpen(stream, out var reader));
        var expected = new short[256];
        if (tag == 6) G711.DecodeALaw(codes, expected);
        else G711.DecodeMuLaw(codes, expected);
        Assert.Equal(expected, ReadAll(reader!));
    }

    [Fact]
    public void Unknown_chunks_are_skipped_including_their_pad_byte()
    {
        byte[] list = [.. "LIST"u8, 3, 0, 0, 0, 1, 2, 3, 0];
        var stream = Build(1, 1, 16000, 16, [1, 0, 2, 0], extraChunk: list);
        Assert.Equal(WavStatus.Ok, WavReader.TryOpen(stream, out var reader));
        Assert.Equal(new short[] { 1, 2 }, ReadAll(reader!));
    }

    [Fact]
    public void An_unpatched_streaming_header_reads_to_the_end()
    {
        var stream = Build(1, 1, 8000, 16, [5, 0, 6, 0, 7, 0], declaredDataLength: uint.MaxValue);
        WavReader.TryOpen(stream, out var reader);
        Assert.Equal(new short[] { 5, 6, 7 }, ReadAll(reader!));
    }

    [Fact]
    public void Unsupported_files_say_why()
    {
        Assert.Equal(WavStatus.NotWave, WavReader.TryOpen(new MemoryStream("RIFX....WAVE"u8.ToArray()), out _));
        Assert.Equal(WavStatus.UnsupportedEncoding, WavReader.TryOpen(Build(3, 1, 8000, 32, new byte[8]), out _));
        Assert.Equal(WavStatus.UnsupportedEncoding, WavReader.TryOpen(Build(1, 1, 8000, 8, new byte[8]), out _));
        Assert.Equal(WavStatus.UnsupportedChannels, WavReader.TryOpen(Build(1, 6, 8000, 16, new byte[24]), out _));
        Assert.Equal(WavStatus.UnsupportedSampleRate, WavReader.TryOpen(Build(1, 1, 44100, 16, new byte[8]), out _));
        var noData = new MemoryStream([.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8]);
        Assert.Equal(WavStatus.MissingFormat, WavReader.TryOpen(noData, out _));
        // The real 48 kHz VAD recording is refused rather than played at the wrong speed.
        using var wide = File.OpenRead(SharedData.PathOf("testdata/audio/vad/funasr-VAD_30s_mono.wav"));
        Assert.Equal(WavStatus.UnsupportedSampleRate, WavReader.TryOpen(wide, out _, leaveOpen: true));
    }

    [Fact]
    public void A_real_16_kHz_recording_loads_as_a_clip()
    {
        var clip = AudioClip.Load(SharedData.PathOf("testdata/audio/en/jfk.wav"));
        Assert.Equal(16000, clip.SampleRate);
        // The file's data chunk is the whole clip: 11 s of speech.
        Assert.InRange(clip.Duration.TotalSeconds, 10.5, 11.5);
        Assert.Contains(clip.Samples.ToArray(), s => Math.Abs((int)s) > 5000);
    }

    [Fact]
    public void Stereo_clips_are_down_mixed_by_averaging()
    {
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, 8000, 2, leaveOpen: true)) writer.WriteStereo([100, short.MaxValue], [300, short.MaxValue]);
        stream.Position = 0;
        Assert.Equal(WavStatus.Ok, AudioClip.TryLoad(stream, out var clip));
        Assert.Equal(new short[] { 200, short.MaxValue }, clip!.Samples.ToArray());
    }
}
