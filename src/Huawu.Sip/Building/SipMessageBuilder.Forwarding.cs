using System.Globalization;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Building;

// Editing a received request to send it on (RFC 3261 §16.6), as a proxy or a B2BUA leg does.
public sealed partial class SipMessageBuilder
{
    private const int DefaultMaxForwards = 70;

    /// <summary>
    /// A copy of <paramref name="request"/> to edit and forward (RFC 3261 §16.6 step 1): same Request-URI,
    /// headers in order, body. Follow with <see cref="PrependHeader"/> for the new Via,
    /// <see cref="DecrementMaxForwards"/> and, when retargeting, <see cref="SetRequestUri(Uris.SipUri)"/>.
    /// </summary>
    public static SipMessageBuilder CreateForward(SipMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest) throw new ArgumentException("Only a request can be forwarded.", nameof(request));
        var copy = new SipMessageBuilder(request.Method, HeaderText.FromBytes(request.RequestUri.RawMemory));
        foreach (var header in request.Headers)
        {
            copy.Insert(copy.headers.Count, header.Id, header.Id == HeaderId.Unknown ? header.Name : null, HeaderText.FromBytes(header.ValueMemory));
        }
        copy.body = request.Body;
        return copy;
    }

    /// <summary>
    /// RFC 3261 §16.6 step 3: decrements Max-Forwards, or adds it with 70 when absent. Returns the new value.
    /// Forwarding a request whose Max-Forwards is 0 is a bug: it must be answered 483 (§16.3 step 3).
    /// </summary>
    public int DecrementMaxForwards()
    {
        var index = IndexOf(HeaderId.MaxForwards);
        if (index < 0)
        {
            AddMaxForwards(DefaultMaxForwards);
            return DefaultMaxForwards;
        }
        var current = int.Parse(headers[index].Value.ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        if (current <= 0) throw new InvalidOperationException("Max-Forwards is 0: answer 483 (Too Many Hops) instead of forwarding.");
        headers[index] = new BuiltHeader(HeaderId.MaxForwards, null, HeaderText.FromText((current - 1).ToString(CultureInfo.InvariantCulture)));
        return current - 1;
    }
}
