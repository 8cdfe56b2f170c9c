namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>
/// The one SIP identity a <see cref="Linphone"/> runs. With a register interval it is written as linphone's
/// <c>[proxy_0]</c> and <c>[auth_info_0]</c>, so the daemon registers at startup with that Expires (linphone 5.1's
/// <c>register</c> command always asks for 3600 s) and its calls carry the same credentials.
/// </summary>
public sealed record LinphoneAccount
{
    public string User { get; init; } = "bob";

    /// <summary>The address-of-record's host[:port]; with a register interval, REGISTER goes there.</summary>
    public string Domain { get; init; } = "127.0.0.1";

    /// <summary>The Expires linphone asks for (RFC 3261 §10.2.1); zero never registers.</summary>
    public int RegisterExpiresSeconds { get; init; }

    /// <summary>The digest password; the user name is <see cref="User"/> and any realm is answered.</summary>
    public string? AuthPassword { get; init; }

    /// <summary>An identity that never registers: calls are dialled directly and received on linphone's own address.</summary>
    public static LinphoneAccount Direct(string user = "bob") => new() { User = user };

    /// <summary>An account that registers at <paramref name="registrar"/> (host:port) with digest credentials.</summary>
    public static LinphoneAccount Registering(string user, string password, string registrar, int expiresSeconds = 3600) =>
        new() { User = user, Domain = registrar, RegisterExpiresSeconds = expiresSeconds, AuthPassword = password };

    public string Aor => $"sip:{User}@{Domain}";

    public bool Registers => RegisterExpiresSeconds > 0;
}
