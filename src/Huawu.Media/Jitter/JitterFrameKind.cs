namespace Huawu.Media.Jitter;

/// <summary>What a frame taken from the jitter buffer holds.</summary>
internal enum JitterFrameKind
{
    /// <summary>Nothing received yet (or still filling to the playout delay): digital silence.</summary>
    Silence = 0,

    /// <summary>Decoded audio only.</summary>
    Audio,

    /// <summary>At least part of the frame was concealed (loss, late packet, underrun).</summary>
    Concealed,
}
