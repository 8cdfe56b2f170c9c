using Huawu.Data.Accounts;

namespace Huawu.Server.Accounts;

public enum SignInStatus
{
    Succeeded,
    /// <summary>Unknown user, wrong password, locked or disabled account: one answer for all, so none can be told apart.</summary>
    InvalidCredentials,
    /// <summary>The password was right and the account has a second factor: ask for the code.</summary>
    SecondFactorRequired,
    InvalidSecondFactor,
}

/// <summary>How a sign-in ended; on success, the user and the new session (its secret goes into the cookie).</summary>
internal sealed record SignInOutcome(SignInStatus Status, User? User = null, IssuedSession? Session = null);
