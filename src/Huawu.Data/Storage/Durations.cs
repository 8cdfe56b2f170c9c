namespace Huawu.Data.Storage;

/// <summary>Durations are stored as whole milliseconds (<c>BIGINT</c>), like times.</summary>
internal static class Durations
{
    public static long? ToMs(TimeSpan? duration) => duration is { } value ? (long)value.TotalMilliseconds : null;

    public static TimeSpan? FromMs(long? ms) => ms is { } value ? TimeSpan.FromMilliseconds(value) : null;
}
