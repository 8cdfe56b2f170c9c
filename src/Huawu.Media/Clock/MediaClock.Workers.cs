namespace Huawu.Media.Clock;

public sealed partial class MediaClock
{
    private Thread[] _workers = [];
    private Barrier? _phaseStart;
    private Barrier? _phaseEnd;
    private IMediaTickHandler[] _sharedHandlers = [];
    private MediaTick _sharedTick;
    private volatile bool _workersStopping;

    private void StartWorkers()
    {
        if (_options.Workers == 1) return;
        _phaseStart = new Barrier(_options.Workers);
        _phaseEnd = new Barrier(_options.Workers);
        _workers = new Thread[_options.Workers - 1];
        for (var i = 0; i < _workers.Length; i++)
        {
            var share = i + 1;
            _workers[i] = new Thread(() => RunWorker(share)) { IsBackground = true, Name = $"Huawu media worker {share}" };
            _workers[i].Start();
        }
    }

    /// <summary>Splits one phase across the clock thread and the workers; returns when every share is done.</summary>
    private void RunShared(in MediaTick tick, IMediaTickHandler[] handlers)
    {
        _sharedHandlers = handlers;
        _sharedTick = tick;
        _phaseStart!.SignalAndWait();
        RunShare(tick, handlers, 0, _options.Workers);
        _phaseEnd!.SignalAndWait();
    }

    private void RunWorker(int share)
    {
        while (true)
        {
            _phaseStart!.SignalAndWait();
            if (_workersStopping) return;
            RunShare(_sharedTick, _sharedHandlers, share, _options.Workers);
            _phaseEnd!.SignalAndWait();
        }
    }

    private void StopWorkers()
    {
        if (_phaseStart is null) return;
        _workersStopping = true;
        _phaseStart.SignalAndWait();
        foreach (var worker in _workers) worker.Join();
        _phaseStart.Dispose();
        _phaseEnd!.Dispose();
    }
}
