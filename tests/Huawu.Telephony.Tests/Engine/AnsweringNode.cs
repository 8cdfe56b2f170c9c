using System.Collections.Concurrent;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Engine;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>An engine's inbound handler that answers every call and hands each one out by the number it dialled.</summary>
internal sealed class AnsweringNode
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ICall>> _answered = new();

    public AnsweringNode(TelephonyEngine engine) => engine.SetInboundHandler(HandleAsync);

    /// <summary>The call to <paramref name="to"/>, once its answer is acknowledged.</summary>
    public Task<ICall> AnsweredAsync(string to) => Slot(to).Task.Within();

    private TaskCompletionSource<ICall> Slot(string to) =>
        _answered.GetOrAdd(to, _ => new TaskCompletionSource<ICall>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task HandleAsync(ICall call)
    {
        if (await call.AnswerAsync()) Slot(call.To).TrySetResult(call);
        await call.Ended;
    }
}
