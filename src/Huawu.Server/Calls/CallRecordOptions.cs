namespace Huawu.Server.Calls;

/// <summary>How calls are written to the store (the <c>call_records:</c> section of the configuration).</summary>
public sealed class CallRecordOptions
{
    /// <summary>
    /// Keep the DTMF keys a caller typed in the call's events. Off by default: keys may be card numbers or passwords,
    /// so only "DTMF received" and its method are kept.
    /// </summary>
    public bool StoreDtmfDigits { get; set; }

    /// <summary>Writes waiting for the database, at most; beyond it the engine's event stream buffers, then drops the oldest.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    public IEnumerable<string> Validate()
    {
        if (QueueCapacity is < 100 or > 1_000_000) yield return $"call_records.queue_capacity: {QueueCapacity} is not 100-1000000";
    }
}
