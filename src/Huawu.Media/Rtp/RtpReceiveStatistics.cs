namespace Huawu.Media.Rtp;

/// <summary>
/// Receive-side state for one RTP source, as RFC 3550 Appendix A gives it: sequence validation with
/// probation (§A.1), loss and fraction lost per report interval (§A.3) and interarrival jitter (§A.8).
/// Not thread-safe: the owning stream serializes access.
/// </summary>
internal sealed partial class RtpReceiveStatistics
{
    private const int SequenceModulus = 1 << 16;
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int MinSequential = 2;

    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private uint _badSequence;
    private int _probation;
    private uint _received;
    private uint _expectedPrior;
    private uint _receivedPrior;

    /// <summary>Starts tracking a source first heard with <paramref name="sequence"/> (RFC 3550 §A.1).</summary>
    public RtpReceiveStatistics(uint ssrc, ushort sequence)
    {
        Ssrc = ssrc;
        InitSequence(sequence);
        _maxSequence = (ushort)(sequence - 1);
        _probation = MinSequential;
    }

    public uint Ssrc { get; }

    /// <summary>Valid packets counted since the source was (re)initialized.</summary>
    public uint Received => _received;

    /// <summary>The extended highest sequence number received: cycles in the high 16 bits (RFC 3550 §6.4.1).</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>Whether the source passed probation.</summary>
    public bool IsValidated => _probation == 0;

    /// <summary>Applies RFC 3550 §A.1 <c>update_seq</c> to a packet's sequence number.</summary>
    public RtpSequenceResult Update(ushort sequence)
    {
        var delta = (ushort)(sequence - _maxSequence);
        if (_probation > 0)
        {
            // §A.1: a source is valid only after MIN_SEQUENTIAL packets in sequence.
            if (sequence == (ushort)(_maxSequence + 1))
            {
                _probation--;
                _maxSequence = sequence;
                if (_probation == 0)
                {
                    InitSequence(sequence);
                    _received++;
                    return RtpSequenceResult.Valid;
                }
            }
            else
            {
                _probation = MinSequential - 1;
                _maxSequence = sequence;
            }
            return RtpSequenceResult.Probation;
        }

        var result = RtpSequenceResult.Valid;
        if (delta < MaxDropout)
        {
            // In order, with a permissible gap; a smaller number means the 16-bit counter wrapped.
            if (sequence < _maxSequence) _cycles += SequenceModulus;
            _maxSequence = sequence;
        }
        else if (delta <= SequenceModulus - MaxMisorder)
        {
            // A very large jump: accept it only when the next packet follows it (the sender restarted).
            if (sequence != _badSequence)
            {
                _badSequence = (uint)((sequence + 1) & (SequenceModulus - 1));
                return RtpSequenceResult.BadSequence;
            }
            InitSequence(sequence);
            result = RtpSequenceResult.Restarted;
        }
        // else: a duplicate or reordered packet within MAX_MISORDER, counted as received.
        _received++;
        return result;
    }

    private void InitSequence(ushort sequence)
    {
        _baseSequence = sequence;
        _maxSequence = sequence;
        _badSequence = SequenceModulus + 1; // so that sequence == bad sequence is false
        _cycles = 0;
        _received = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;
        ResetJitter();
    }
}
