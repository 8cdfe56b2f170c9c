namespace Huawu.Media.Rtp;

/// <summary>What the RFC 3550 §A.1 sequence check made of a packet.</summary>
internal enum RtpSequenceResult
{
    /// <summary>In sequence, or a duplicate or reordered packet within MAX_MISORDER: use it.</summary>
    Valid = 0,

    /// <summary>The source is still on probation (fewer than MIN_SEQUENTIAL packets in a row): discard.</summary>
    Probation,

    /// <summary>Two sequential packets after a big jump: the source restarted; state was reset and the packet is valid.</summary>
    Restarted,

    /// <summary>A jump beyond MAX_DROPOUT, or too far behind: discard unless the next packet confirms it.</summary>
    BadSequence,
}
