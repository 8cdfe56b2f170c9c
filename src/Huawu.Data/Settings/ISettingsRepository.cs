namespace Huawu.Data.Settings;

/// <summary>Node-wide settings changed at run time (not the configuration file): plain key/value text, never secrets.</summary>
public interface ISettingsRepository
{
    Task<string?> GetAsync(string key, CancellationToken cancellation = default);

    Task SetAsync(string key, string value, CancellationToken cancellation = default);

    Task<bool> DeleteAsync(string key, CancellationToken cancellation = default);

    Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellation = default);
}
