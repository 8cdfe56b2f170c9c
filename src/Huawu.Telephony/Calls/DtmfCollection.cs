namespace Huawu.Telephony.Calls;

/// <summary>How to collect DTMF keys (an IVR menu choice, an account number).</summary>
public sealed record DtmfCollectOptions
{
    /// <summary>Collection ends once this many keys (terminators not counted) have come.</summary>
    public int MaxDigits { get; init; } = 1;

    /// <summary>Keys that end the collection without being collected themselves ("#" by default; empty for none).</summary>
    public string Terminators { get; init; } = "#";

    /// <summary>How long to wait for the first key.</summary>
    public TimeSpan FirstDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for each further key.</summary>
    public TimeSpan InterDigitTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Forget keys typed ahead before the collection started (e.g. during a prompt that must be heard).</summary>
    public bool DiscardTypeAhead { get; init; }
}

/// <summary>Why a DTMF collection ended.</summary>
public enum DtmfCollectEnd
{
    MaxDigits,
    Terminator,
    Timeout,
    Cancelled,
    HungUp,
}

/// <summary>The keys collected (terminator excluded) and why collection ended.</summary>
public sealed record DtmfCollection(string Digits, DtmfCollectEnd End, char? Terminator = null);
