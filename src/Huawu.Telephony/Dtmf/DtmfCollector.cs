using System.Text;
using Huawu.Telephony.Calls;

namespace Huawu.Telephony.Dtmf;

/// <summary>
/// The DTMF keys of one call: those typed ahead, and the collection in progress (<see cref="ICall.CollectDtmfAsync"/>).
/// Used from the call's mailbox only; timers and cancellation come back through <c>post</c>, and a timer of a
/// collection that has since ended does nothing.
/// </summary>
internal sealed class DtmfCollector
{
    // Enough for any menu or account number; a phone stuck on a key should not grow the buffer without end.
    private const int TypeAheadLimit = 64;

    private readonly TimeProvider _time;
    private readonly Action<Action> _post;
    private readonly StringBuilder _typeAhead = new();
    private Collection? _active;
    private bool _closed;

    public DtmfCollector(TimeProvider time, Action<Action> post)
    {
        _time = time;
        _post = post;
    }

    /// <summary>Starts a collection, ending any earlier one as cancelled.</summary>
    public Task<DtmfCollection> Collect(DtmfCollectOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDigits, 1, nameof(options));
        if (_closed) return Task.FromResult(new DtmfCollection("", DtmfCollectEnd.HungUp));
        _active?.Complete(DtmfCollectEnd.Cancelled);
        var collection = _active = new Collection(this, options);
        if (options.DiscardTypeAhead) _typeAhead.Clear();
        var typed = _typeAhead.ToString();
        _typeAhead.Clear();
        foreach (var key in typed)
        {
            if (collection.IsDone) _typeAhead.Append(key);
            else collection.Accept(key);
        }
        if (!collection.IsDone)
        {
            collection.Arm(collection.Digits.Length == 0 ? options.FirstDigitTimeout : options.InterDigitTimeout);
            collection.WatchCancellation(cancellationToken);
        }
        return collection.Result;
    }

    /// <summary>A key from the far end: to the collection in progress, else typed ahead.</summary>
    public void OnKey(char key)
    {
        if (_closed) return;
        if (_active is { IsDone: false } collection) collection.Accept(key);
        else if (_typeAhead.Length < TypeAheadLimit) _typeAhead.Append(key);
    }

    /// <summary>The call ended: a collection in progress ends as hung up, later ones at once.</summary>
    public void Close()
    {
        _closed = true;
        _active?.Complete(DtmfCollectEnd.HungUp);
    }

    private sealed class Collection
    {
        private readonly DtmfCollector _owner;
        private readonly DtmfCollectOptions _options;
        private readonly TaskCompletionSource<DtmfCollection> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly StringBuilder _digits = new();
        private ITimer? _timer;
        private int _generation;
        private CancellationTokenRegistration _cancellation;

        public Collection(DtmfCollector owner, DtmfCollectOptions options)
        {
            _owner = owner;
            _options = options;
        }

        public Task<DtmfCollection> Result => _result.Task;

        public bool IsDone => _result.Task.IsCompleted;

        public StringBuilder Digits => _digits;

        public void Accept(char key)
        {
            if (_options.Terminators.Contains(key, StringComparison.Ordinal))
            {
                Complete(DtmfCollectEnd.Terminator, key);
                return;
            }
            _digits.Append(key);
            if (_digits.Length >= _options.MaxDigits) Complete(DtmfCollectEnd.MaxDigits);
            else Arm(_options.InterDigitTimeout);
        }

        /// <summary>(Re)starts the wait for the next key; a timer armed before fires into nothing.</summary>
        public void Arm(TimeSpan timeout)
        {
            if (IsDone) return;
            _timer?.Dispose();
            var generation = ++_generation;
            _timer = _owner._time.CreateTimer(static state => ((Expiry)state!).Fire(), new Expiry(this, generation), timeout, Timeout.InfiniteTimeSpan);
        }

        public void WatchCancellation(CancellationToken token)
        {
            if (token.CanBeCanceled) _cancellation = token.Register(() => _owner._post(() => Complete(DtmfCollectEnd.Cancelled)));
        }

        public void Complete(DtmfCollectEnd end, char? terminator = null)
        {
            if (!_result.TrySetResult(new DtmfCollection(_digits.ToString(), end, terminator))) return;
            _timer?.Dispose();
            _cancellation.Dispose();
        }

        // A timer thread: the decision is the mailbox's, where a key may have re-armed or ended it meanwhile.
        private sealed record Expiry(Collection Collection, int Generation)
        {
            public void Fire() => Collection._owner._post(() =>
            {
                if (Collection._generation == Generation) Collection.Complete(DtmfCollectEnd.Timeout);
            });
        }
    }
}
