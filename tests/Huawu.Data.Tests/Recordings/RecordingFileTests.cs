using Huawu.Data.Keys;
using Huawu.Data.Recordings;
using Huawu.Testing;

namespace Huawu.Data.Tests.Recordings;

public sealed class RecordingFileTests : IDisposable
{
    private const int ChunkSize = 1000;
    private static readonly ManualTimeProvider Time = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("huawu-rec-").FullName;
    private readonly KeyRing _keys = KeyRing.Generate(Time);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static byte[] Audio(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7 + i / 251))];

    private async Task<string> WriteAsync(byte[] audio, string name = "r.hwra", int frame = 160)
    {
        var path = PathOf(name);
        await using var writer = new RecordingFileWriter(path, _keys.Active, RecordingFormat.Pcm16Mono8k, ChunkSize);
        for (var offset = 0; offset < audio.Length; offset += frame) writer.Write(audio.AsSpan(offset, Math.Min(frame, audio.Length - offset)));
        Assert.Equal(audio.Length, writer.Length);
        await writer.CompleteAsync();
        return path;
    }

    private Stream Open(string path)
    {
        var opened = RecordingReadStream.Open(path, _keys);
        Assert.True(opened.Audio is not null, opened.Error);
        return opened.Audio;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(4000)]
    [InlineData(12_345)]
    public async Task Audio_comes_back_whole_for_any_length(int length)
    {
        var audio = Audio(length);
        using var stream = Open(await WriteAsync(audio));
        Assert.Equal(length, stream.Length);
        Assert.Equal(audio, ReadAll(stream));
    }

    [Fact]
    public async Task Header_records_format_and_key_and_the_file_holds_no_audio_in_the_clear()
    {
        var audio = Audio(5000);
        var path = await WriteAsync(audio);
        var opened = RecordingReadStream.Open(path, _keys);
        using (opened.Audio)
        {
            Assert.Equal(RecordingFormat.Pcm16Mono8k, opened.Format);
        }
        var file = await File.ReadAllBytesAsync(path);
        Assert.Equal(RecordingFileHeader.Length + 5 * (ChunkSize + 16), file.Length);
        Assert.Equal(-1, file.AsSpan().IndexOf(audio.AsSpan(1000, 32)));
    }

    [Fact]
    public async Task Reads_can_start_anywhere_and_cross_chunk_boundaries()
    {
        var audio = Audio(10_500);
        using var stream = Open(await WriteAsync(audio));
        foreach (var position in new[] { 9_990L, 0, 999, 1000, 5_432, 10_499 })
        {
            stream.Position = position;
            var buffer = new byte[25];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            Assert.Equal(audio.AsSpan((int)position, read).ToArray(), buffer[..read]);
        }
        Assert.Equal(10_400, stream.Seek(-100, SeekOrigin.End));
        Assert.Equal(0, stream.Read(new byte[10], 0, 0));
        stream.Position = 20_000;
        Assert.Equal(0, stream.Read(new byte[10]));
    }

    [Fact]
    public async Task An_altered_chunk_fails_when_read_and_only_that_chunk()
    {
        var audio = Audio(4500);
        var path = await WriteAsync(audio);
        await FlipByteAsync(path, RecordingFileHeader.Length + 2 * (ChunkSize + 16) + 10);

        using var stream = Open(path);
        stream.Position = 1500;
        Assert.Equal(audio[1500..1600], ReadExactly(stream, 100));
        stream.Position = 2100;
        var error = Assert.Throws<InvalidDataException>(() => stream.ReadExactly(new byte[10]));
        Assert.Contains("chunk 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swapped_chunks_fail()
    {
        var path = await WriteAsync(Audio(4500));
        var file = await File.ReadAllBytesAsync(path);
        var first = RecordingFileHeader.Length + ChunkSize + 16;
        var chunkOne = file.AsSpan(first, ChunkSize + 16).ToArray();
        file.AsSpan(first + ChunkSize + 16, ChunkSize + 16).CopyTo(file.AsSpan(first));
        chunkOne.CopyTo(file.AsSpan(first + ChunkSize + 16));
        await File.WriteAllBytesAsync(path, file);

        using var stream = Open(path);
        stream.Position = 1000;
        Assert.Throws<InvalidDataException>(() => stream.ReadExactly(new byte[10]));
    }

    [Theory]
    [InlineData(16)]                          // the last chunk's tag cut
    [InlineData(500 + 16)]                    // the whole last (short) chunk removed: chunk 3 is now last but was not sealed as last
    [InlineData(500 + 16 + ChunkSize + 16)]   // two chunks removed
    public async Task A_truncated_file_does_not_open(int cut)
    {
        var path = await WriteAsync(Audio(4500));
        await using (var file = new FileStream(path, FileMode.Open)) file.SetLength(file.Length - cut);
        var opened = RecordingReadStream.Open(path, _keys);
        Assert.Null(opened.Audio);
        Assert.Contains("truncated", opened.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_header_or_an_unknown_key_does_not_open()
    {
        var path = await WriteAsync(Audio(3000));
        await FlipByteAsync(path, 37); // the sample rate, authenticated with every chunk
        Assert.Null(RecordingReadStream.Open(path, _keys).Audio);

        var other = await WriteAsync(Audio(3000), "other.hwra");
        var opened = RecordingReadStream.Open(other, KeyRing.Generate(Time).WithNewActiveKey(Time).Without(1));
        Assert.Contains("key 1", opened.Error, StringComparison.Ordinal);
        Assert.Contains("no such recording", RecordingReadStream.Open(PathOf("absent"), _keys).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unfinished_recording_stays_partial_and_disposing_it_deletes_it()
    {
        var path = PathOf("live.hwra");
        var writer = new RecordingFileWriter(path, _keys.Active, RecordingFormat.Pcm16Mono8k, ChunkSize);
        writer.Write(Audio(3500));
        Assert.False(File.Exists(path));
        Assert.True(File.Exists(path + RecordingFileWriter.PartialSuffix));
        await writer.DisposeAsync();
        Assert.False(File.Exists(path + RecordingFileWriter.PartialSuffix));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_completed_writer_refuses_more_audio()
    {
        var path = PathOf("done.hwra");
        await using var writer = new RecordingFileWriter(path, _keys.Active, RecordingFormat.Pcm16Mono8k, ChunkSize);
        writer.Write(Audio(10));
        await writer.CompleteAsync();
        Assert.Throws<InvalidOperationException>(() => writer.Write(Audio(10)));
        await Assert.ThrowsAsync<InvalidOperationException>(writer.CompleteAsync);
        Assert.True(File.Exists(path));
    }

    private static byte[] ReadExactly(Stream stream, int count)
    {
        var buffer = new byte[count];
        stream.ReadExactly(buffer);
        return buffer;
    }

    private static async Task FlipByteAsync(string path, long offset)
    {
        await using var file = new FileStream(path, FileMode.Open);
        file.Position = offset;
        var value = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(value ^ 0x40));
    }
}
