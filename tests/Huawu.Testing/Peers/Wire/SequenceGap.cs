namespace Huawu.Testing.Peers.Wire;

/// <summary>
/// Sequence numbers an RTP stream skipped: none arrived between <see cref="After"/> and the next one received.
/// Numbers are extended (RFC 3550 §A.1) so a wrap from 65535 to 0 is not a gap.
/// </summary>
public readonly record struct SequenceGap(long After, int Missing)
{
    public override string ToString() => $"{Missing} missing after extended seq {After}";
}
