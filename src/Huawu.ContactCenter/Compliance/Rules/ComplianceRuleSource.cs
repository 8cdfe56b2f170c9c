using Huawu.Data.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Huawu.ContactCenter.Compliance.Rules;

/// <summary>
/// The tenant's current rule book, read from settings and kept for <see cref="RefreshInterval"/> (on the injected clock), so a change
/// made through the API applies to calls within that time without a restart. Problems in the settings are logged when they change.
/// Two decisions that find it stale at once may both read the settings: harmless, the later copy stays.
/// </summary>
public sealed class ComplianceRuleSource(ISettingsRepository settings, TimeProvider time, ILogger? logger = null)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private Snapshot? _current;

    public IReadOnlyList<string> Problems => Volatile.Read(ref _current)?.Problems ?? [];

    public async ValueTask<ComplianceRuleBook> CurrentAsync(CancellationToken cancellation = default)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && time.GetUtcNow() - current.LoadedAt < RefreshInterval) return current.Book;
        var (book, problems) = await ComplianceSettings.LoadAsync(settings, cancellation);
        if (!problems.SequenceEqual(current?.Problems ?? []))
        {
            foreach (var problem in problems) _logger.LogWarning("Compliance setting ignored (the preset's value applies): {Problem}", problem);
        }
        Volatile.Write(ref _current, new Snapshot(book, time.GetUtcNow(), problems));
        return book;
    }

    /// <summary>Forgets the cached rules: the next decision reads the settings again (after a change through this node).</summary>
    public void Invalidate() => Volatile.Write(ref _current, null);

    private sealed record Snapshot(ComplianceRuleBook Book, DateTimeOffset LoadedAt, IReadOnlyList<string> Problems);
}
