namespace Huawu.Server.Api.Health;

/// <summary>Ready once the host has started (its listeners are bound) and until it begins stopping.</summary>
internal sealed class ListenerReadiness(IHostApplicationLifetime lifetime) : IReadinessCheck
{
    public string Name => "listeners";

    public Task<string?> ProblemAsync(CancellationToken cancellation) => Task.FromResult(
        lifetime.ApplicationStopping.IsCancellationRequested ? "stopping"
        : lifetime.ApplicationStarted.IsCancellationRequested ? null
        : "starting");
}
