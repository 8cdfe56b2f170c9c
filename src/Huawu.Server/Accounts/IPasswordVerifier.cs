namespace Huawu.Server.Accounts;

/// <summary>Hashes and checks passwords (the Identity hasher in production; tests count the calls).</summary>
internal interface IPasswordVerifier
{
    string Hash(string password);

    bool Verify(string hash, string password);
}

/// <summary>The production verifier: <see cref="PasswordHashing"/>.</summary>
internal sealed class IdentityPasswordVerifier : IPasswordVerifier
{
    public string Hash(string password) => PasswordHashing.Hash(password);

    public bool Verify(string hash, string password) => PasswordHashing.Verify(hash, password);
}
