namespace Huawu.Server.Accounts;

/// <summary>Sign-in rules (the <c>accounts:</c> section of the configuration).</summary>
public sealed class AccountOptions
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int LockoutThreshold { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>A console session ends this long after sign-in, whatever happens.</summary>
    public int SessionHours { get; set; } = 12;

    /// <summary>A console session ends after this long without a request.</summary>
    public int SessionIdleMinutes { get; set; } = 30;

    /// <summary>The longest life an API token may be given.</summary>
    public int TokenMaxDays { get; set; } = 365;

    /// <summary>
    /// Mark the session cookie Secure (and name it <c>__Host-</c>). Browsers accept that over HTTPS and on
    /// 127.0.0.1/localhost; turn it off only for plain HTTP on a trusted network.
    /// </summary>
    public bool SecureCookies { get; set; } = true;

    public TimeSpan LockoutDuration => TimeSpan.FromMinutes(LockoutMinutes);

    public TimeSpan SessionLifetime => TimeSpan.FromHours(SessionHours);

    public TimeSpan SessionIdleTimeout => TimeSpan.FromMinutes(SessionIdleMinutes);

    public IEnumerable<string> Validate()
    {
        if (LockoutThreshold is < 1 or > 100) yield return $"accounts.lockout_threshold: {LockoutThreshold} is not 1-100";
        if (LockoutMinutes is < 1 or > 24 * 60) yield return $"accounts.lockout_minutes: {LockoutMinutes} is not 1-1440";
        if (SessionHours is < 1 or > 24 * 7) yield return $"accounts.session_hours: {SessionHours} is not 1-168";
        if (SessionIdleMinutes < 1 || SessionIdleMinutes > SessionHours * 60)
            yield return $"accounts.session_idle_minutes: {SessionIdleMinutes} is not between 1 and the session's life";
        if (TokenMaxDays is < 1 or > 3650) yield return $"accounts.token_max_days: {TokenMaxDays} is not 1-3650";
    }
}
