namespace Huawu.Server.Security;

/// <summary>Which calls (and what hangs off them: recordings, transcripts, live events) a role sees.</summary>
public enum Reach
{
    /// <summary>Only calls the user handled as the agent (and the customer of the current one).</summary>
    OwnCalls,
    /// <summary>Calls of the teams the user supervises: handled by a member, or waiting in the team's queue.</summary>
    SupervisedTeams,
    Everything,
}
