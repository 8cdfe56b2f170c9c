using BenchmarkDotNet.Attributes;
using Huawu.Data.Keys;
using Huawu.Data.Recordings;

namespace Huawu.Benchmarks.Data;

/// <summary>
/// What the media thread pays to record: one 20 ms PCM frame (320 bytes) per write. Sealing and disk writes
/// happen on the writer's background task. Note the rate: this loop produces hundreds of MB/s, far beyond the
/// 16 KB/s of a real call, so the background task falls behind and chunk buffers are freshly rented; at call
/// rates a write is a copy plus, every 64 KiB, a hand-off.
/// </summary>
[MemoryDiagnoser]
public class RecordingWriteBenchmarks
{
    private const int FramesPerInvoke = 1_000;
    private readonly byte[] _frame = new byte[320];
    private string _directory = "";
    private RecordingFileWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("huawu-bench-rec-").FullName;
        _writer = new RecordingFileWriter(Path.Combine(_directory, "bench.hwra"), KeyRing.Generate(TimeProvider.System).Active, RecordingFormat.Pcm16Mono8k);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.CompleteAsync().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public void WriteFrame()
    {
        for (var i = 0; i < FramesPerInvoke; i++) _writer.Write(_frame);
    }
}
