using System.Text;
using Huawu.Sip.Headers;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Messages;

// The parts every layer reads on every message, checked and located once by the parser.
public sealed partial class SipMessage
{
    /// <summary>The Request-URI (RFC 3261 §7.1); default for responses.</summary>
    public SipUri RequestUri => new(buffer, Validated.RequestUri);

    /// <summary>The topmost Via: the branch and sent-by of the transaction that carries this message.</summary>
    public ViaHeader TopVia => new(buffer, Validated.TopVia);

    /// <summary>Every Via value, top first, across all Via header lines.</summary>
    public HeaderElements<ViaHeader> Vias => new(this, HeaderId.Via, HeaderElementReaders.Via);

    public NameAddress From => new(buffer, Validated.From);

    public NameAddress To => new(buffer, Validated.To);

    public ReadOnlySpan<byte> CallIdBytes => Validated.CallId.Of(buffer.Span);

    /// <summary>The Call-ID as a string (allocates; transaction and dialog keys can use <see cref="CallIdBytes"/>).</summary>
    public string CallId => Encoding.UTF8.GetString(CallIdBytes);

    public CSeqHeader CSeq => new(buffer, Validated.CSeqNumber, Validated.CSeqKnownMethod, Validated.CSeqMethod);

    /// <summary>Max-Forwards, or null when absent (RFC 2543 requests, RFC 4475 §3.4.1 "inv2543", and responses).</summary>
    public int? MaxForwards => Validated.MaxForwards < 0 ? null : Validated.MaxForwards;

    private ref readonly MessageEssentials Validated
    {
        get
        {
            if (!IsValidated)
            {
                throw new InvalidOperationException("This message failed validation; only its raw headers may be read.");
            }
            return ref essentials;
        }
    }
}
