namespace Huawu.Server.Api.Health;

/// <summary>One thing a node needs before it takes work; <c>/readyz</c> asks every registered check.</summary>
public interface IReadinessCheck
{
    string Name { get; }

    /// <summary>Null when ready, else why not (short, for the probe's answer and the operator).</summary>
    Task<string?> ProblemAsync(CancellationToken cancellation);
}
