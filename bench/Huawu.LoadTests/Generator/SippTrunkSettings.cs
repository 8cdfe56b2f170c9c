namespace Huawu.LoadTests.Generator;

/// <summary>
/// SIPp as the trunk a campaign dials: a UAS running <see cref="ScenarioFile"/> for every INVITE it receives, ending by itself once
/// <see cref="Calls"/> calls have run through it, or failing after <see cref="Timeout"/>.
/// </summary>
internal sealed record SippTrunkSettings
{
    public required string ScenarioFile { get; init; }

    public required int LocalPort { get; init; }

    /// <summary>SIPp's RTP port, the m= port of its answers (where the node's prompt audio goes).</summary>
    public required int MediaPort { get; init; }

    public required int Calls { get; init; }

    public required TimeSpan Timeout { get; init; }
}
