using System.Globalization;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Telephony.Registrar;

/// <summary>Reads the Contact and Expires of a REGISTER into a <see cref="BindingRequest"/> (RFC 3261 §10.3 steps 6–7).</summary>
internal static class BindingRequestReader
{
    private const int OneHour = 3600;

    /// <summary>
    /// Fails with 400 for a malformed wildcard, a non-SIP contact or a bad expires or q; with 423 when a contact
    /// asks for less than <see cref="RegistrarOptions.MinExpires"/>. A request without Contact changes nothing.
    /// </summary>
    public static bool TryRead(SipMessage request, RegistrarOptions options, out BindingRequest result, out BindingRequestError error)
    {
        result = BindingRequest.RemoveEverything;
        error = default;
        var contacts = request.Contacts;
        // Step 6: "*" removes all bindings, only alone and only with Expires: 0.
        foreach (var contact in contacts)
        {
            if (!contact.IsWildcard) continue;
            if (contacts.Count() != 1 || request.Expires != 0)
            {
                error = new(400, "Wildcard Contact Needs Expires 0 And No Other Contact");
                return false;
            }
            return true;
        }

        var requested = new List<RequestedContact>();
        foreach (var contact in contacts)
        {
            // Huawu reaches phones over SIP only; a mailto: or tel: contact could never be called.
            if (!contact.Uri.IsSip)
            {
                error = new(400, "Contact Is Not A SIP URI");
                return false;
            }
            if (!TryReadExpires(contact, request, options, out var seconds, out error)) return false;
            if (!TryReadQ(contact, out var q))
            {
                error = new(400, "Bad Contact q Value");
                return false;
            }
            requested.Add(new RequestedContact(contact.Uri.RawBytes.ToArray(), seconds, q));
        }
        result = new BindingRequest(false, requested);
        return true;
    }

    /// <summary>
    /// Step 7: the Contact's expires parameter, else the Expires header, else the default; shortened to the
    /// maximum; 423 when above zero but under both an hour and the minimum.
    /// </summary>
    private static bool TryReadExpires(NameAddress contact, SipMessage request, RegistrarOptions options, out int seconds, out BindingRequestError error)
    {
        seconds = 0;
        error = default;
        long requested;
        var parameter = contact.Parameters.GetValue("expires");
        if (parameter is not null)
        {
            // c-p-expires = "expires" EQUAL delta-seconds (RFC 3261 §20.10); §20.19 caps delta-seconds at 2**32-1.
            if (parameter.Length == 0 || !parameter.All(char.IsAsciiDigit))
            {
                error = new(400, "Bad Contact expires");
                return false;
            }
            requested = parameter.Length > 10 ? uint.MaxValue : Math.Min(long.Parse(parameter, CultureInfo.InvariantCulture), uint.MaxValue);
        }
        else
        {
            requested = request.Expires ?? (long)options.DefaultExpires.TotalSeconds;
        }

        var minimum = (long)options.MinExpires.TotalSeconds;
        if (requested > 0 && requested < OneHour && requested < minimum)
        {
            error = new(423, "Interval Too Brief");
            return false;
        }
        seconds = (int)Math.Min(requested, (long)options.MaxExpires.TotalSeconds);
        return true;
    }

    /// <summary>qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) (RFC 3261 §25.1); absent means 1.</summary>
    private static bool TryReadQ(NameAddress contact, out int thousandths)
    {
        thousandths = 1000;
        var text = contact.Parameters.GetValue("q");
        if (text is null) return true;
        if (text.Length is 0 or > 5 || text[0] is not ('0' or '1') || (text.Length > 1 && text[1] != '.')) return false;
        var fraction = text.Length > 2 ? text[2..] : "";
        if (!fraction.All(char.IsAsciiDigit)) return false;
        thousandths = (text[0] - '0') * 1000 + (fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(3, '0'), CultureInfo.InvariantCulture));
        return thousandths <= 1000;
    }
}
