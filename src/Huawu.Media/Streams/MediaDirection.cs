namespace Huawu.Media.Streams;

/// <summary>The SDP direction of a stream (RFC 4566 §6; RFC 3264 §8.4 for hold): what this side does.</summary>
public enum MediaDirection
{
    SendReceive = 0,
    SendOnly,
    ReceiveOnly,
    Inactive,
}

public static class MediaDirectionExtensions
{
    public static bool Sends(this MediaDirection direction) => direction is MediaDirection.SendReceive or MediaDirection.SendOnly;

    public static bool Receives(this MediaDirection direction) => direction is MediaDirection.SendReceive or MediaDirection.ReceiveOnly;
}
