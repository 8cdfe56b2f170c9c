using System.Collections.Concurrent;

namespace Huawu.Speech.Tts.Synthesis;

/// <summary>
/// A dedicated thread that runs posted work one item at a time, in order: for native synthesizers that keep global
/// or per-model state (espeak-ng, a sherpa-onnx model) and block while they compute, so they neither need locks nor
/// hold thread-pool threads that the media clock and the calls need. Work must handle its own failures; an exception
/// escaping it is a bug and ends the process.
/// </summary>
internal sealed class SerialWorker
{
    private readonly BlockingCollection<Action> _work = [];

    public SerialWorker(string name)
    {
        var thread = new Thread(Run) { IsBackground = true, Name = name };
        thread.Start();
    }

    public void Post(Action work) => _work.Add(work);

    /// <summary>Runs <paramref name="work"/> on the thread and returns its result (or its exception).</summary>
    public Task<T> InvokeAsync<T>(Func<T> work)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                result.SetResult(work());
            }
#pragma warning disable CA1031 // The caller gets the exception through the task.
            catch (Exception e)
#pragma warning restore CA1031
            {
                result.SetException(e);
            }
        });
        return result.Task;
    }

    /// <summary>Lets the thread finish the work already posted, then end.</summary>
    public void Complete() => _work.CompleteAdding();

    private void Run()
    {
        foreach (var work in _work.GetConsumingEnumerable()) work();
        _work.Dispose();
    }
}
