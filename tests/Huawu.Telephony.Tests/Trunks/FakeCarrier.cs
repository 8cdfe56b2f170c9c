using System.Text;
using Huawu.Sip.Authentication;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Telephony.Tests.Trunks;

/// <summary>The carrier side of digest, with the real <see cref="DigestServer"/>: challenges and checks credentials.</summary>
internal sealed class FakeCarrier(TimeProvider time, string realm = "carrier.example")
{
    private static readonly byte[] Secret = [.. Enumerable.Range(40, 32).Select(i => (byte)i)];

    public DigestServer Server { get; } = new(new DigestServerOptions { Realm = realm, Secret = Secret }, time);

    /// <summary>Adds one challenge per algorithm under <paramref name="header"/>.</summary>
    public Action<SipMessageBuilder> Challenge(HeaderId header = HeaderId.WwwAuthenticate, bool stale = false) => response =>
    {
        foreach (var challenge in Server.CreateChallenges(stale)) response.AddHeader(header, challenge);
    };

    /// <summary>The same challenge again (same nonce), as a carrier refusing the answer does.</summary>
    public static Action<SipMessageBuilder> Repeat(SipMessage previousChallenge, HeaderId header = HeaderId.WwwAuthenticate) => response =>
    {
        foreach (var value in previousChallenge.GetValues(header)) response.AddHeader(header, Encoding.UTF8.GetString(value.Span));
    };

    public DigestVerification Verify(SipMessage request, HeaderId credentials, string username = "acct", string password = "pw") =>
        request.TryGetHeader(credentials, out var header)
            ? Server.Verify(header.Value, request.Method.Name, u => u == username ? DigestCredential.FromPassword(password) : null)
            : new DigestVerification(DigestVerificationStatus.Malformed, null, "no credentials");
}
