namespace Huawu.ContactCenter.Acd;

/// <summary>A queue member: an extension, or an agent (a user) reached at the extension the store gives them.</summary>
public sealed record QueueMember
{
    private QueueMember(string? extension, string? userName)
    {
        Extension = extension;
        UserName = userName;
    }

    /// <summary>The extension rung, when the member is one.</summary>
    public string? Extension { get; }

    /// <summary>The agent's user name, when the member is a user (their extension is looked up at each offer, so it may change).</summary>
    public string? UserName { get; }

    public static QueueMember AtExtension(string extension) => new(extension, null);

    public static QueueMember Agent(string userName) => new(null, userName);

    public override string ToString() => Extension ?? UserName!;
}

/// <summary>
/// A queue: its members in the configured order (which breaks ties of idle time), how it offers calls, how long each offer
/// rings and how long a caller waits at most.
/// </summary>
public sealed record QueueDefinition(string Name, IReadOnlyList<QueueMember> Members, QueueStrategy Strategy, TimeSpan RingTime, TimeSpan MaxWait);
