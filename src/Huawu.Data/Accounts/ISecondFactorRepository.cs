namespace Huawu.Data.Accounts;

/// <summary>TOTP secrets, stored encrypted like personal data (a copy of the database must not let anyone compute codes).</summary>
public interface ISecondFactorRepository
{
    /// <summary>The user's second factor, or null for an unknown user.</summary>
    Task<SecondFactor?> GetAsync(long userId, CancellationToken cancellation = default);

    /// <summary>Keeps a new secret aside until a code from it is verified (enrolment); an active secret stays active meanwhile.</summary>
    Task<bool> SetPendingAsync(long userId, byte[] secret, CancellationToken cancellation = default);

    /// <summary>Makes the pending secret the active one, consuming <paramref name="step"/>; false when nothing was pending.</summary>
    Task<bool> ActivatePendingAsync(long userId, long step, CancellationToken cancellation = default);

    /// <summary>Accepts a code's time step once: true only when it is later than every step used before (atomic against a replay race).</summary>
    Task<bool> TryUseStepAsync(long userId, long step, CancellationToken cancellation = default);

    /// <summary>Turns the second factor off and forgets both secrets.</summary>
    Task<bool> DisableAsync(long userId, CancellationToken cancellation = default);
}
