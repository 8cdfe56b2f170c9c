using BenchmarkDotNet.Attributes;
using Huawu.Benchmarks.Data;
using Huawu.Data.Calls;
using Huawu.Data.Recordings;
using Huawu.Data.Storage;
using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Server.Calls;

namespace Huawu.Benchmarks.Server;

/// <summary>
/// What the media thread pays per 20 ms tick to record a call into the encrypted store (<c>recording: {mode: all}</c>):
/// the leg's received and sent frames paired into one interleaved block (<see cref="StereoRecorder"/>), converted to
/// little-endian bytes and copied into the store's writer (<see cref="EncryptedRecordingSink"/>); sealing and disk
/// writes run on the writer's background task (see RecordingWriteBenchmarks; this loop outruns it as that one does, so
/// chunk buffers come fresh from the pool). <see cref="RecordTickWithoutStore"/> is the same path into a writer that keeps
/// nothing: the recorder's and the sink's own share.
/// </summary>
[MemoryDiagnoser]
public class CallRecordingBenchmarks
{
    private const int TicksPerInvoke = 1_000;
    private readonly PcmFrame _received = new(8000);
    private readonly PcmFrame _sent = new(8000);
    private BenchmarkStore _store = null!;
    private EncryptedRecordingSink _sink = null!;
    private StereoRecorder _recorder = null!;
    private StereoRecorder _withoutStore = null!;
    private long _tick;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await BenchmarkStore.CreateAsync(DatabaseProvider.Sqlite);
        var call = (await _store.Store.Calls.InsertAsync(new NewCallRecord("bench", CallDirection.Inbound, DateTimeOffset.UtcNow))).Value!;
        _sink = new EncryptedRecordingSink(RecordingOptions.Format);
        _sink.Attach((await _store.Store.Recordings.StartAsync(call.Id, RecordingOptions.Format)).Value!);
        _recorder = new StereoRecorder(_sink);
        var discarding = new EncryptedRecordingSink(RecordingOptions.Format);
        discarding.Attach(new DiscardingWriter());
        _withoutStore = new StereoRecorder(discarding);
        for (var i = 0; i < _received.SampleCount; i++)
        {
            _received.Samples[i] = (short)(i * 97);
            _sent.Samples[i] = (short)(i * -53);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _recorder.Dispose();
        await _sink.Completion;
        await _store.DisposeAsync();
    }

    [Benchmark(OperationsPerInvoke = TicksPerInvoke)]
    public void RecordTick() => RecordTicks(_recorder);

    [Benchmark(OperationsPerInvoke = TicksPerInvoke)]
    public void RecordTickWithoutStore() => RecordTicks(_withoutStore);

    private void RecordTicks(StereoRecorder recorder)
    {
        for (var i = 0; i < TicksPerInvoke; i++)
        {
            var tick = new MediaTick(_tick++, 0);
            recorder.Received.Write(tick, _received);
            recorder.Sent.Write(tick, _sent);
        }
    }

    private sealed class DiscardingWriter : IRecordingWriter
    {
        public long RecordingId => 0;

        public RecordingFormat Format => RecordingOptions.Format;

        public long Length { get; private set; }

        public void Write(ReadOnlySpan<byte> audio) => Length += audio.Length;

        public Task<RecordingInfo> CompleteAsync(CancellationToken cancellation = default) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
