using Huawu.Sip.Uris;

namespace Huawu.Telephony.Registrar;

/// <summary>One Contact of a REGISTER, with the duration the registrar grants it (0: remove) and its q in thousandths.</summary>
internal sealed class RequestedContact(byte[] uriBytes, int grantedSeconds, int qThousandths)
{
    public byte[] UriBytes { get; } = uriBytes;

    public SipUri Uri => StoredUri.Parse(UriBytes);

    public int GrantedSeconds { get; } = grantedSeconds;

    public int QThousandths { get; } = qThousandths;
}

/// <summary>What a REGISTER asks to change: either remove everything ("Contact: *") or update these contacts.</summary>
internal sealed record BindingRequest(bool RemoveAll, IReadOnlyList<RequestedContact> Contacts)
{
    public static BindingRequest RemoveEverything { get; } = new(true, []);
}

/// <summary>Why a REGISTER's contacts cannot be processed, as the status and reason to answer with.</summary>
internal readonly record struct BindingRequestError(int StatusCode, string ReasonPhrase);
