using System.CommandLine;
using Huawu.Data;
using Huawu.Data.Keys;
using Huawu.Server.Configuration;

namespace Huawu.Server.Cli;

/// <summary>
/// What every data verb starts from: the configuration (file and <c>--data</c>), the key ring (created on first
/// use, loudly) and, when asked, the open store.
/// </summary>
internal sealed record DataSetup(ServerConfiguration Configuration, DataStoreOptions StoreOptions, KeySource KeySource, KeyRing Keys)
{
    public static DataSetup? Load(FileInfo? config, DirectoryInfo? data, out IReadOnlyList<string> errors)
    {
        var loaded = ConfigurationLoader.Load(config?.FullName, new ConfigurationOverrides(data?.FullName));
        if (loaded.Configuration is not { } configuration)
        {
            errors = loaded.Errors;
            return null;
        }
        return ForConfiguration(configuration, out errors);
    }

    /// <summary>The setup of an already loaded configuration (<c>huawu serve</c>): its key ring, created on first use.</summary>
    public static DataSetup? ForConfiguration(ServerConfiguration configuration, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new DataStoreOptions(configuration.Data, configuration.Database);
        var source = KeySource.Resolve(configuration.Data, configuration.Database.KeysFile);
        var keys = KeyStore.LoadOrCreate(source, TimeProvider.System);
        if (keys.Ring is not { } ring)
        {
            errors = [keys.Error!];
            return null;
        }
        foreach (var warning in keys.Warnings) Console.Error.WriteLine("huawu: warning: " + warning);
        if (keys.Created)
        {
            Console.Error.WriteLine($"""
                huawu: created a new key file: {source.FilePath} (readable by its owner only).
                huawu: it holds the keys to every phone number, name and recording Huawu stores.
                huawu: BACK IT UP NOW, and keep it apart from the data and its backups: without it, the data cannot be read.
                """);
        }
        errors = [];
        return new DataSetup(configuration, options, source, ring);
    }

    /// <summary>Opens the store for a long-running node, or reports why it cannot (null).</summary>
    public async Task<DataStore?> OpenAsync(CancellationToken cancellation)
    {
        var opened = await DataStore.OpenAsync(StoreOptions, Keys, TimeProvider.System, cancellation);
        if (opened.Store is null) CliErrors.Report([opened.Error!]);
        return opened.Store;
    }

    /// <summary>Opens the store (with <paramref name="keys"/> instead of the loaded ring, if given), runs the verb, closes it.</summary>
    public async Task<int> WithStoreAsync(Func<DataStore, Task<int>> action, CancellationToken cancellation, KeyRing? keys = null)
    {
        var opened = await DataStore.OpenAsync(StoreOptions, keys ?? Keys, TimeProvider.System, cancellation);
        if (opened.Store is not { } store) return CliErrors.Report([opened.Error!]);
        await using (store) return await action(store);
    }

    /// <summary>The usual verb: load the setup from <c>--config</c> and <c>--data</c>, then work on the open store.</summary>
    public static Task<int> RunAsync(ParseResult parse, Option<FileInfo?> config, Option<DirectoryInfo?> data,
        Func<DataSetup, DataStore, Task<int>> action, CancellationToken cancellation) =>
        Load(parse.GetValue(config), parse.GetValue(data), out var errors) is { } setup
            ? setup.WithStoreAsync(store => action(setup, store), cancellation)
            : Task.FromResult(CliErrors.Report(errors));
}
