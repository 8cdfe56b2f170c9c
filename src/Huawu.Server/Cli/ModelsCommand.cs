using System.CommandLine;
using Huawu.Server.Configuration;
using Huawu.Speech.Models;

namespace Huawu.Server.Cli;

/// <summary>
/// <c>huawu models list</c> and <c>huawu models pull NAME [--dir D] [--mirror URL]</c>: the named upstream model packs
/// (sherpa-onnx release assets), downloaded with resume, checked against their SHA-256 and installed atomically into
/// the model directory (<c>speech.model_directory</c>).
/// </summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var directory = new Option<DirectoryInfo?>("--dir") { Description = "The model directory. Default: speech.model_directory in the data directory." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();

        var list = new Command("list", "List the model packs and whether each is installed.") { directory, config, data };
        list.SetAction(parse =>
        {
            if (Resolve(parse.GetValue(directory), parse.GetValue(config), parse.GetValue(data), out var errors) is not { } models) return CliErrors.Report(errors);
            foreach (var pack in ModelCatalog.All)
            {
                var state = Directory.Exists(pack.PathIn(models)) ? $"installed in {pack.PathIn(models)}" : "not installed";
                Console.WriteLine($"{pack.Name,-28} {state}\n{"",-28} {pack.Description}");
            }
            return 0;
        });

        var name = new Argument<string>("name") { Description = "The pack's name (see `huawu models list`)." };
        var mirror = new Option<string?>("--mirror") { Description = "A server holding the release assets under the same paths (e.g. http://mirror/sherpa-onnx/), instead of GitHub." };
        var pull = new Command("pull", "Download a model pack, verify its SHA-256 and install it.") { name, directory, mirror, config, data };
        pull.SetAction((parse, cancellation) =>
        {
            if (ModelCatalog.Find(parse.GetValue(name)!) is not { } pack)
            {
                return Task.FromResult(CliErrors.Report([$"no model pack '{parse.GetValue(name)}'; there are: {string.Join(", ", ModelCatalog.All.Select(p => p.Name))}"]));
            }
            if (Resolve(parse.GetValue(directory), parse.GetValue(config), parse.GetValue(data), out var errors) is not { } models)
            {
                return Task.FromResult(CliErrors.Report(errors));
            }
            Uri? mirrorUri = null;
            if (parse.GetValue(mirror) is { } address &&
                (!Uri.TryCreate(address, UriKind.Absolute, out mirrorUri) || mirrorUri.Scheme is not ("http" or "https")))
            {
                return Task.FromResult(CliErrors.Report([$"--mirror: '{address}' is not an http:// or https:// address"]));
            }
            return PullAsync(pack, models, mirrorUri, cancellation);
        });

        return new Command("models", "Model packs for the speech engines (sherpa-onnx ASR, TTS and VAD models).") { list, pull };
    }

    private static async Task<int> PullAsync(ModelPack pack, string models, Uri? mirror, CancellationToken cancellation)
    {
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) }) { Timeout = Timeout.InfiniteTimeSpan };
        var installer = new ModelInstaller(http, models, TimeProvider.System, new PercentProgress()) { Mirror = mirror };
        if (!Directory.Exists(pack.PathIn(models))) await Console.Error.WriteLineAsync($"huawu: downloading {pack.Url(mirror)}");
        var result = await installer.PullAsync(pack, cancellation);
        if (!result.Succeeded) return CliErrors.Report([result.Message]);
        Console.WriteLine(result.Message);
        return 0;
    }

    private static string? Resolve(DirectoryInfo? directory, FileInfo? config, DirectoryInfo? data, out IReadOnlyList<string> errors)
    {
        errors = [];
        if (directory is not null) return directory.FullName;
        var loaded = ConfigurationLoader.Load(config?.FullName, new ConfigurationOverrides(data?.FullName));
        errors = loaded.Errors;
        return loaded.Configuration is { } configuration ? AsrCommand.ModelDirectory(configuration) : null;
    }

    /// <summary>Prints progress on stderr each time another tenth has arrived.</summary>
    private sealed class PercentProgress : IProgress<ModelDownloadProgress>
    {
        private long _lastTenth = -1;

        public void Report(ModelDownloadProgress value)
        {
            if (value.Total is not { } total || total == 0) return;
            var tenth = value.Received * 10 / total;
            if (tenth == _lastTenth) return;
            _lastTenth = tenth;
            Console.Error.WriteLine($"huawu: {value.Pack}: {tenth * 10} % ({value.Received:N0} of {total:N0} bytes)");
        }
    }
}
