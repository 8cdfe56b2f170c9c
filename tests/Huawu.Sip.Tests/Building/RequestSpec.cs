using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Tests.Building;

/// <summary>The fields of a random request, built with the builder and checked against the parse.</summary>
internal sealed record RequestSpec(
    SipMethod Method,
    string RequestUser,
    string RequestHost,
    int RequestPort,
    IReadOnlyList<(TransportProtocol Transport, string Host, int Port, string Branch)> Vias,
    string? FromName,
    string FromUri,
    string FromTag,
    string? ToName,
    string ToUri,
    string? ToTag,
    string CallId,
    uint CSeq,
    int MaxForwards,
    IReadOnlyList<(string Name, string Value)> Extra,
    byte[] Body)
{
    public string RequestUri => $"sip:{RequestUser}@{RequestHost}" + (RequestPort > 0 ? $":{RequestPort}" : "");

    public SipMessageBuilder Build()
    {
        var builder = SipMessageBuilder.CreateRequest(Method, RequestUri);
        foreach (var via in Vias) builder.AddVia(via.Transport, via.Host, via.Port, via.Branch);
        builder.AddMaxForwards(MaxForwards)
            .AddAddress(HeaderId.From, FromUri, FromName, FromTag)
            .AddAddress(HeaderId.To, ToUri, ToName, ToTag)
            .AddCallId(CallId)
            .AddCSeq(CSeq, Method);
        foreach (var (name, value) in Extra) builder.AddHeader(name, value);
        if (Body.Length > 0) builder.SetBody(Body, "application/octet-stream");
        return builder;
    }

    public void AssertMatches(SipMessage message)
    {
        Assert.Equal(Method, message.Method);
        Assert.Equal(RequestUri, message.RequestUri.ToString());
        Assert.Equal(Uri.UnescapeDataString(RequestUser), message.RequestUri.User);
        Assert.Equal(RequestHost, message.RequestUri.Host);
        Assert.Equal(RequestPort, message.RequestUri.Port);
        Assert.Equal(Vias, message.Vias.Select(v => (v.Transport, v.Host, v.Port, v.Branch!)));
        Assert.Equal((NullIfEmpty(FromName), FromUri, FromTag), (message.From.DisplayName, message.From.Uri.ToString(), message.From.Tag));
        Assert.Equal((NullIfEmpty(ToName), ToUri, ToTag), (message.To.DisplayName, message.To.Uri.ToString(), message.To.Tag));
        Assert.Equal(CallId, message.CallId);
        Assert.Equal((CSeq, Method), (message.CSeq.Number, message.CSeq.Method));
        Assert.Equal(MaxForwards, message.MaxForwards);
        Assert.Equal(Extra, message.Headers.Where(h => h.Id == HeaderId.Unknown).Select(h => (h.Name, h.Value)));
        Assert.Equal(Body, message.Body.ToArray());
        Assert.True(message.TryValidateHeaders(out var reason), reason);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
