using Huawu.Server.Accounts;

namespace Huawu.Server.Tests.Accounts;

public sealed class PasswordHashingTests
{
    [Fact]
    public void A_hash_verifies_its_password_only_and_is_salted()
    {
        var hash = PasswordHashing.Hash("correct horse battery");
        Assert.DoesNotContain("correct horse", hash, StringComparison.Ordinal);
        Assert.True(PasswordHashing.Verify(hash, "correct horse battery"));
        Assert.False(PasswordHashing.Verify(hash, "correct horse batterY"));
        Assert.NotEqual(hash, PasswordHashing.Hash("correct horse battery"));
    }
}
