using System.Collections.Concurrent;

namespace Huawu.Telephony.Runtime;

/// <summary>
/// A serialized unit of work (ARCHITECTURE.md, "Runtime model"): work posted to one mailbox runs one item at a
/// time, in order, on the thread pool, so the state it guards (a call, an agent, a queue) needs no locks.
/// No thread is owned; an idle mailbox costs one object.
/// <para>
/// While an item runs, <see cref="SynchronizationContext.Current"/> is the mailbox, so an <c>await</c> inside
/// it resumes as a new item of the same mailbox: async call flows stay serialized, and other events for the
/// same unit may run while one is awaiting (as in an actor).
/// </para>
/// </summary>
public sealed class Mailbox : SynchronizationContext, IThreadPoolWorkItem
{
    // Items drained per turn on a pool thread before yielding it, so one busy unit cannot starve the others.
    private const int ItemsPerTurn = 64;

    private readonly ConcurrentQueue<WorkItem> _queue = new();
    private readonly Action<Exception> _onError;
    private int _scheduled;

    /// <param name="onError">Receives exceptions escaping a work item; the mailbox goes on with the next item.</param>
    public Mailbox(Action<Exception> onError)
    {
        ArgumentNullException.ThrowIfNull(onError);
        _onError = onError;
    }

    /// <summary>True on the thread currently running this mailbox's work.</summary>
    public bool IsCurrent => Current == this;

    public void Post(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(new WorkItem(static state => ((Action)state!)(), action));
    }

    /// <summary>Posts a callback with its state; with a static lambda, hot callers allocate no closure.</summary>
    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        Enqueue(new WorkItem(d, state));
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("A mailbox never blocks a caller; use Post or InvokeAsync.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="function"/> in the mailbox and completes with its result.</summary>
    public Task<T> InvokeAsync<T>(Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try { completion.SetResult(function()); }
            catch (Exception e) { completion.SetException(e); }
        });
        return completion.Task;
    }

    /// <summary>Starts an async flow in the mailbox; its awaits resume in the mailbox too.</summary>
    public Task RunAsync(Func<Task> flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() => _ = Track(flow, completion));
        return completion.Task;
    }

    private static async Task Track(Func<Task> flow, TaskCompletionSource completion)
    {
        try
        {
            await flow();
            completion.SetResult();
        }
        catch (Exception e)
        {
            completion.SetException(e);
        }
    }

    private void Enqueue(WorkItem item)
    {
        _queue.Enqueue(item);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            for (var i = 0; i < ItemsPerTurn && _queue.TryDequeue(out var item); i++)
            {
                try { item.Callback(item.State); }
                catch (Exception e) { _onError(e); }
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }

        Volatile.Write(ref _scheduled, 0);
        // An item enqueued after the drain but before the flag cleared would otherwise wait forever.
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private readonly record struct WorkItem(SendOrPostCallback Callback, object? State);
}
