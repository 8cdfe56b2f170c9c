namespace Huawu.Data.Accounts;

/// <summary>
/// A user's RFC 6238 second factor: the active shared secret (null when off), a secret being enrolled (until its
/// first code is verified), and the last time step a code was accepted for (a code is good once, RFC 6238 §5.2).
/// </summary>
public sealed record SecondFactor(byte[]? Secret, byte[]? PendingSecret, DateTimeOffset? EnabledAt, long? LastUsedStep)
{
    public bool IsEnabled => Secret is not null;
}
