using System.Text;
using Huawu.Server.Accounts;

namespace Huawu.Server.Tests.Accounts;

public sealed class TotpTests
{
    private static readonly byte[] Sha1Seed = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Sha256Seed = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Sha512Seed = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    // RFC 6238 Appendix B: 8-digit codes for each algorithm's seed at these Unix times (T0 = 0, X = 30 s).
    [Theory]
    [InlineData(59L, "94287082", "46119246", "90693936")]
    [InlineData(1111111109L, "07081804", "68084774", "25091201")]
    [InlineData(1111111111L, "14050471", "67062674", "99943326")]
    [InlineData(1234567890L, "89005924", "91819424", "93441116")]
    [InlineData(2000000000L, "69279037", "90698825", "38618901")]
    [InlineData(20000000000L, "65353130", "77737706", "47863826")]
    public void Rfc6238_test_vectors(long unixSeconds, string sha1, string sha256, string sha512)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        Assert.Equal(sha1, Totp.Format(Totp.Code(Sha1Seed, step, 8, TotpAlgorithm.Sha1), 8));
        Assert.Equal(sha256, Totp.Format(Totp.Code(Sha256Seed, step, 8, TotpAlgorithm.Sha256), 8));
        Assert.Equal(sha512, Totp.Format(Totp.Code(Sha512Seed, step, 8, TotpAlgorithm.Sha512), 8));
    }

    [Fact]
    public void Rfc4226_hotp_test_vectors()
    {
        // RFC 4226 Appendix D: 6-digit HOTP values for counters 0-9 with the SHA-1 seed.
        string[] expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
        Assert.Equal(expected, Enumerable.Range(0, 10).Select(counter => Totp.Format(Totp.Code(Sha1Seed, counter))));
    }

    [Fact]
    public void A_code_matches_within_one_step_either_side_and_no_further()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.StepAt(now);
        string At(long s) => Totp.Format(Totp.Code(Sha1Seed, s));
        Assert.Equal(step, Totp.Match(Sha1Seed, At(step), now));
        Assert.Equal(step - 1, Totp.Match(Sha1Seed, At(step - 1), now));
        Assert.Equal(step + 1, Totp.Match(Sha1Seed, At(step + 1), now));
        Assert.Null(Totp.Match(Sha1Seed, At(step - 2), now));
        Assert.Null(Totp.Match(Sha1Seed, At(step + 2), now));
        Assert.Equal(step, Totp.Match(Sha1Seed, At(step)[..3] + " " + At(step)[3..], now));
        Assert.Null(Totp.Match(Sha1Seed, At(step)[..5], now));
        Assert.Null(Totp.Match(Sha1Seed, "12345a", now));
        Assert.Null(Totp.Match(Sha1Seed, null, now));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_follows_rfc4648_without_padding(string input, string expected) =>
        Assert.Equal(expected, Base32.Encode(Encoding.ASCII.GetBytes(input)));
}
