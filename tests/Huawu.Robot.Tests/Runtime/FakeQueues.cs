using Huawu.Robot.Runtime;

namespace Huawu.Robot.Tests.Runtime;

/// <summary>A node's queues by name, for the runtime's checks before a call (routing is the ACD's, tested in ContactCenter).</summary>
internal sealed class FakeQueues(params string[] names) : IHandOffQueues
{
    public bool Contains(string queue) => names.Contains(queue, StringComparer.OrdinalIgnoreCase);

    public Task<QueueHandOffResult> ConnectAsync(QueueHandOff handOff, CancellationToken cancellation) => throw new NotSupportedException();
}
