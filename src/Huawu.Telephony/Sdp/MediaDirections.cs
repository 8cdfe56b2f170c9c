namespace Huawu.Telephony.Sdp;

/// <summary>Direction arithmetic for offer/answer (RFC 3264 §6.1) and the attribute spellings (RFC 4566 §6).</summary>
internal static class MediaDirections
{
    public static bool CanSend(this MediaDirection direction) => direction is MediaDirection.SendRecv or MediaDirection.SendOnly;

    public static bool CanReceive(this MediaDirection direction) => direction is MediaDirection.SendRecv or MediaDirection.RecvOnly;

    public static MediaDirection From(bool send, bool receive) => (send, receive) switch
    {
        (true, true) => MediaDirection.SendRecv,
        (true, false) => MediaDirection.SendOnly,
        (false, true) => MediaDirection.RecvOnly,
        _ => MediaDirection.Inactive,
    };

    /// <summary>The same stream seen from the other end: their "sendonly" is our "recvonly".</summary>
    public static MediaDirection Reverse(this MediaDirection direction) => From(direction.CanReceive(), direction.CanSend());

    /// <summary>What both allow: RFC 3264 §6.1 lets an answer only narrow the reversed offer direction.</summary>
    public static MediaDirection Intersect(this MediaDirection direction, MediaDirection other) =>
        From(direction.CanSend() && other.CanSend(), direction.CanReceive() && other.CanReceive());

    public static string ToAttributeName(this MediaDirection direction) => direction switch
    {
        MediaDirection.SendRecv => "sendrecv",
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.RecvOnly => "recvonly",
        MediaDirection.Inactive => "inactive",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    public static bool TryParse(string attributeName, out MediaDirection direction)
    {
        foreach (var candidate in Enum.GetValues<MediaDirection>())
        {
            if (string.Equals(attributeName, candidate.ToAttributeName(), StringComparison.OrdinalIgnoreCase))
            {
                direction = candidate;
                return true;
            }
        }
        direction = default;
        return false;
    }

    /// <summary>The first direction attribute in a list, if any (RFC 4566 §6: at most one is meaningful).</summary>
    public static MediaDirection? Find(IReadOnlyList<SdpAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (TryParse(attribute.Name, out var direction)) return direction;
        }
        return null;
    }
}
