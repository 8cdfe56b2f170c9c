using Huawu.Server.Accounts;

namespace Huawu.Server.Tests.Api.Support;

/// <summary>A stand-in password hasher for tests that count checks (and need no PBKDF2 time): every check is one call.</summary>
internal sealed class CountingPasswordVerifier : IPasswordVerifier
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string Hash(string password) => "test:" + password;

    public bool Verify(string hash, string password)
    {
        Interlocked.Increment(ref _verifications);
        return hash == "test:" + password;
    }
}
