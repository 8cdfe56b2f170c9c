namespace Huawu.Telephony.Trunks;

/// <summary>A trunk's state as the call layer routes on it.</summary>
public sealed record TrunkStatus(string Trunk, TrunkRegistrationState Registration, int? LastRegistrationStatus, TrunkHealth Health)
{
    /// <summary>Whether outbound calls may use the trunk: anything but a trunk the keepalives found Down.</summary>
    public bool IsUsable => Health != TrunkHealth.Down;
}
