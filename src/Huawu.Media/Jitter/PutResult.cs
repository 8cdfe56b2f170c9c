namespace Huawu.Media.Jitter;

/// <summary>What the jitter buffer did with a packet.</summary>
internal enum PutResult
{
    Accepted = 0,

    /// <summary>Accepted after restarting the buffer (new SSRC, or the timestamp jumped).</summary>
    AcceptedAfterReset,

    /// <summary>The same timestamp is already buffered or was just played.</summary>
    Duplicate,

    /// <summary>Its playout time has passed.</summary>
    Late,

    /// <summary>Payload larger than a slot, or decoding to more than the buffer stages.</summary>
    TooLarge,
}
