namespace Huawu.Sip.Authentication;

/// <summary>
/// What a server knows of one user's secret in one realm: the password, or HA1 precomputed per hash
/// function so that the password itself need not be stored (RFC 7616 §5.2: HA1 is password-equivalent
/// for that realm, so store it as carefully as a password).
/// </summary>
public sealed class DigestCredential
{
    private readonly string? _password;
    private readonly string? _md5Ha1;
    private readonly string? _sha256Ha1;

    private DigestCredential(string? password, string? md5Ha1, string? sha256Ha1)
    {
        _password = password;
        _md5Ha1 = md5Ha1?.ToLowerInvariant();
        _sha256Ha1 = sha256Ha1?.ToLowerInvariant();
    }

    public static DigestCredential FromPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return new(password, null, null);
    }

    /// <summary>
    /// HA1 values as <see cref="ComputeHa1"/> makes them; a user provisioned with only one of them can
    /// authenticate only with the algorithms of that hash function.
    /// </summary>
    public static DigestCredential FromHa1(string? md5Ha1, string? sha256Ha1)
    {
        if (md5Ha1 is null && sha256Ha1 is null) throw new ArgumentException("At least one HA1 is needed.", nameof(md5Ha1));
        return new(null, md5Ha1, sha256Ha1);
    }

    /// <summary>
    /// HA1 = H(username ":" realm ":" password). The "-sess" algorithms derive their key from this same
    /// value (RFC 7616 §3.4.2), so one HA1 per hash function covers both variants.
    /// </summary>
    public static string ComputeHa1(DigestAlgorithm algorithm, string username, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        return DigestComputation.Ha1(algorithm, username, realm, password);
    }

    /// <summary>The HA1 to check a response made with <paramref name="algorithm"/>, or null when it is not known.</summary>
    internal string? Ha1For(DigestAlgorithm algorithm, string username, string realm)
    {
        if (_password is not null) return DigestComputation.Ha1(algorithm, username, realm, _password);
        return algorithm.UsesSha256() ? _sha256Ha1 : _md5Ha1;
    }
}
