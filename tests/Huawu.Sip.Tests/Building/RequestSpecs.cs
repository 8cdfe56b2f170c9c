using FsCheck;
using FsCheck.Fluent;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Tests.Building;

/// <summary>FsCheck generators of valid request fields, drawn from the RFC 3261 §25.1 character classes.</summary>
internal static class RequestSpecs
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string TokenCharacters = Alphanumeric + "-.!%*_+`'~";
    private const string UserCharacters = Alphanumeric + "-_.!~*'()&=+$,;?/";

    public static Gen<RequestSpec> Generator =>
        from method in Gen.Elements(SipMethod.Invite, SipMethod.Options, SipMethod.Bye, SipMethod.Message, SipMethod.FromName("PING"), SipMethod.FromName("x-custom.Method"))
        from requestUser in User
        from requestHost in Host
        from requestPort in Gen.Elements(0, 5060, 5061, 65535)
        from vias in Gen.ListOf(Via).Select(l => l.Take(4).ToList()).Where(l => l.Count > 0)
        from fromName in DisplayName
        from fromUri in SipUri
        from fromTag in Token(4, 16)
        from toName in DisplayName
        from toUri in SipUri
        from toTag in Gen.OrNull(Token(4, 16))
        from callId in CallId
        from cseq in Gen.Choose(0, int.MaxValue).Select(n => (uint)n)
        from maxForwards in Gen.Choose(0, 255)
        from extra in Gen.ListOf(ExtraHeader).Select(l => l.Take(5).ToList())
        from body in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(b => b.Take(200).ToArray())
        select new RequestSpec(method, requestUser, requestHost, requestPort, vias, fromName, fromUri, fromTag,
            toName, toUri, toTag, callId, cseq, maxForwards, extra, body);

    public static Gen<string> Token(int min, int max) => Of(TokenCharacters, min, max);

    /// <summary>Printable text, ASCII and beyond, without line breaks.</summary>
    public static Gen<string> Text(int min, int max) =>
        Of(Alphanumeric + " !#$%&'()*+,-./:;<=>?@[]^_`{|}~\"\\\t" + "张三李四éü", min, max);

    private static Gen<string> User =>
        from parts in Gen.ListOf(Gen.Frequency((6, Of(UserCharacters, 1, 1)), (1, Gen.Elements("%41", "%20", "%40", "%3A", "%25"))))
        let user = string.Concat(parts.Take(20))
        where user.Length > 0
        select user;

    private static Gen<string> Host => Gen.OneOf(Hostname, IPv4, Gen.Elements("[2001:db8::1]", "[::1]", "[fe80::a:b:c:d]"));

    private static Gen<string> Hostname =>
        from labels in Gen.ListOf(Of(Alphanumeric, 1, 10)).Select(l => l.Take(3).ToList())
        from top in Of("abcdefghijklmnopqrstuvwxyz", 2, 6)
        select string.Join(".", [.. labels, top]);

    private static Gen<string> IPv4 =>
        from octets in Gen.ArrayOf(Gen.Choose(0, 255), 4)
        select string.Join(".", octets);

    private static Gen<string> SipUri =>
        from scheme in Gen.Elements("sip", "sips")
        from user in User
        from host in Host
        from parameter in Gen.Elements("", ";lr", ";transport=tcp", ";user=phone;x=1")
        select $"{scheme}:{user}@{host}{parameter}";

    private static Gen<(TransportProtocol, string, int, string)> Via =>
        from transport in Gen.Elements(TransportProtocol.Udp, TransportProtocol.Tcp, TransportProtocol.Tls, TransportProtocol.Wss)
        from host in Host
        from port in Gen.Elements(0, 5060, 7000)
        from branch in Token(1, 20)
        select (transport, host, port, "z9hG4bK" + branch);

    private static Gen<string?> DisplayName => Gen.OrNull(Text(0, 24))!;

    private static Gen<string> CallId =>
        from local in Of(TokenCharacters + "()<>:\\\"/[]?{}", 1, 30)
        from host in Gen.OrNull(Hostname)
        select host is null ? local : local + "@" + host;

    private static Gen<(string, string)> ExtraHeader =>
        from name in Of(Alphanumeric, 1, 12)
        from value in Text(1, 40).Select(v => v.Trim()).Where(v => v.Length > 0)
        select ("X-" + name, value);

    private static Gen<string> Of(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from characters in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
        select new string(characters);
}
