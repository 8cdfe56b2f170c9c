namespace Huawu.Telephony.Registrar;

/// <summary>What happened to one binding, for CTI and the agent desktop ("the phone of 1001 is online").</summary>
public sealed record RegistrationEvent(RegistrationEventKind Kind, ContactBinding Binding, DateTimeOffset At)
{
    public string Extension => Binding.Extension;
}

public enum RegistrationEventKind
{
    /// <summary>A new contact was bound.</summary>
    Registered,

    /// <summary>A bound contact was registered again (a refresh, possibly from a new source address).</summary>
    Refreshed,

    /// <summary>The phone removed the binding: expires=0 or "Contact: *" (RFC 3261 §10.2.2).</summary>
    Unregistered,

    /// <summary>The binding ran out without a refresh.</summary>
    Expired,

    /// <summary>A newer contact of the same extension took its place (<see cref="RegistrarOptions.MaxContactsPerAor"/>).</summary>
    Displaced,
}
