using System.Threading.Channels;
using Huawu.Data;
using Huawu.Server.Configuration;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Calls;

/// <summary>
/// Writes the node's calls to the store from the engine's CTI events: call records, legs, events, ends, and — with
/// <c>recording: {mode: all}</c> — an encrypted recording of every answered call. Two stages, so the database never
/// slows a call: a reader maps each event to writes (<see cref="Conversations"/>) and starts recordings at once (they
/// buffer until the store is ready), queueing the writes in a bounded queue; a writer applies them in order
/// (<see cref="CallRecordWriter"/>). A failed write is logged and audited, never thrown into a call.
/// <para>
/// Crash safety: a call's row is written when its first leg is created, before answer, and listed in this node's
/// <see cref="OpenCallJournal"/>; at start the calls a previous run left open are closed (<see cref="RestartRecovery"/>)
/// before the engine takes calls. Registered before the telephony engine, it starts before it and stops after it: the
/// engine's last hang-ups are drained into the store, and recordings sealed, within the host's shutdown time.
/// </para>
/// </summary>
internal sealed class CallRecordService : IHostedService, IDisposable
{
    private readonly DataStore _store;
    private readonly ICallControl _calls;
    private readonly ServerConfiguration _configuration;
    private readonly ILogger _logger;
    private readonly CallRecordProblems _problems;
    private readonly Conversations _conversations;
    private readonly RecordingCompletions _recordings;
    private readonly CancellationTokenSource _abort = new();
    private readonly Channel<RecordStep> _steps;
    private CtiSubscription? _subscription;
    private OpenCallJournal? _journal;
    private Task _reading = Task.CompletedTask;
    private Task _writing = Task.CompletedTask;

    public CallRecordService(DataStore store, ICallControl calls, ServerConfiguration configuration, ILogger<CallRecordService> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(configuration);
        _store = store;
        _calls = calls;
        _configuration = configuration;
        _logger = logger;
        _problems = new CallRecordProblems(store.Audit, logger);
        var extensions = configuration.Extensions.Select(e => e.Number).ToHashSet(StringComparer.Ordinal);
        _conversations = new Conversations(new CallParties(extensions), configuration.CallRecords.StoreDtmfDigits);
        _recordings = new RecordingCompletions(_problems, logger);
        _steps = Channel.CreateBounded<RecordStep>(new BoundedChannelOptions(configuration.CallRecords.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var journalPath = Path.Combine(_configuration.Data, OpenCallJournal.FileName);
        var leftOpen = OpenCallJournal.ReadOpen(journalPath);
        var stillOpen = await new RestartRecovery(_store, _problems, _logger).CloseAsync(leftOpen, cancellationToken);
        _journal = OpenCallJournal.Start(journalPath, stillOpen);
        // Subscribed before the engine starts (it is registered after this service), so no call's first event is missed.
        _subscription = _calls.Events.Subscribe();
        var writer = new CallRecordWriter(_store, _journal, _recordings, _problems);
        _writing = Task.Run(() => writer.RunAsync(_steps.Reader, _abort.Token), CancellationToken.None);
        _reading = Task.Run(() => ReadAsync(_subscription), CancellationToken.None);
        _logger.LogInformation("Call records: on; recording {Mode}", _configuration.Recording.Mode.ToString().ToLowerInvariant());
    }

    /// <summary>Drains: the events still buffered, the queued writes, the recordings being sealed — until <paramref name="cancellationToken"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_subscription is null) return;
        // No event comes after this: the reader finishes what is buffered, then completes the queue.
        _subscription.Dispose();
        await using var abort = cancellationToken.Register(_abort.Cancel);
        try
        {
            await _reading;
            await _writing;
            await _recordings.DrainAsync(_abort.Token);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            _logger.LogWarning("Call records: stopped before everything was written ({Queued} writes queued, {Recordings} recordings unsealed); " +
                               "calls left open are closed at the next start", _steps.Reader.Count, _recordings.Pending);
        }
        _journal?.Dispose();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _journal?.Dispose();
        _abort.Dispose();
    }

    private async Task ReadAsync(CtiSubscription subscription)
    {
        var steps = new List<RecordStep>();
        long reportedLost = 0;
        try
        {
            await foreach (var cti in subscription.Reader.ReadAllAsync(_abort.Token))
            {
                steps.Clear();
                _conversations.Apply(cti, steps);
                if (cti is CallAnswered && _configuration.Recording.Mode == RecordingMode.All && _conversations.IsFirstLeg(cti.CallId) &&
                    StartRecording(cti.CallId) is { } recording)
                {
                    steps.Add(recording);
                }
                foreach (var step in steps) await _steps.Writer.WriteAsync(step, _abort.Token);
                if (subscription.Dropped != reportedLost) await _problems.EventsLostAsync(reportedLost = subscription.Dropped);
            }
        }
        finally
        {
            _steps.Writer.TryComplete();
        }
    }

    /// <summary>Records the conversation's first leg from its answer: the customer left, what they hear right.</summary>
    private StartRecording? StartRecording(CallId leg)
    {
        if (_calls.FindCall(leg) is not { } call) return null;
        var sink = new EncryptedRecordingSink(RecordingOptions.Format);
        return new StartRecording(leg.Value, sink, call.StartRecordingAsync(sink));
    }
}
