using System.CommandLine;
using Huawu.Data.Audit;
using Huawu.Robot.ChatModel;
using Huawu.Robot.Loading;
using Huawu.Robot.Localization;
using Huawu.Robot.Rehearsal;
using Huawu.Robot.Samples;
using Huawu.Robot.Scripts;
using Huawu.Robot.Storage;

namespace Huawu.Server.Cli;

/// <summary>
/// <c>huawu script check|test|import|samples</c>: validate a dialogue script, chat with it or replay a transcript
/// against it, store it as a new version, or write out the shipped samples. Text in Chinese or English (<c>--lang</c>).
/// </summary>
internal static class ScriptCommand
{
    public static Command Create() => new("script", "Dialogue scripts (话术): check, test, import. 话术：检查、测试、导入。")
    {
        Check(), Test(), Import(), Samples(),
    };

    private static Option<string?> Language() => new("--lang") { Description = "Language of messages: zh or en (default: the locale, else the script's). 提示语言。" };

    private static Argument<FileInfo> ScriptFile() => new("file") { Description = "The script (YAML). 话术文件。" };

    private static Command Check()
    {
        var file = ScriptFile();
        var lang = Language();
        var command = new Command("check", "Validate a script and list every error. 校验话术并列出全部错误。") { file, lang };
        command.SetAction(async (parse, cancellation) =>
        {
            var path = parse.GetValue(file)!;
            if (await LoadAsync(path, parse.GetValue(lang), cancellation) is not { } script) return CliErrors.Failure;
            var language = UiLanguage.Resolve(parse.GetValue(lang), script.Language);
            Console.WriteLine(Text(language,
                $"ok：{script.Name} 版本 {script.Version}（{script.Language.ToString().ToLowerInvariant()}），{script.NodeIds.Count} 个节点，开始于 {script.StartNode}",
                $"ok: {script.Name} version {script.Version} ({script.Language.ToString().ToLowerInvariant()}), {script.NodeIds.Count} nodes, starts at {script.StartNode}"));
            return 0;
        });
        return command;
    }

    private static Command Test()
    {
        var file = ScriptFile();
        var lang = Language();
        var transcript = new Option<FileInfo?>("--transcript") { Description = "Replay this conversation and check its path node by node. 回放对话并逐节点核对。" };
        var variables = new Option<string[]>("--var") { Description = "A call variable, name=value (repeat). 通话变量。" };
        var endpoint = new Option<Uri?>("--model-endpoint") { Description = "An OpenAI-compatible chat completions endpoint (key in HUAWU_CHAT_MODEL_KEY). 大模型接口。" };
        var model = new Option<string?>("--model") { Description = "The chat model's name. 模型名称。" };
        var command = new Command("test", "Chat with a script as the callee, or replay a transcript. 以客户身份与话术对话，或回放对话记录。")
        {
            file, lang, transcript, variables, endpoint, model,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (await LoadAsync(parse.GetValue(file)!, parse.GetValue(lang), cancellation) is not { } script) return CliErrors.Failure;
            var language = UiLanguage.Resolve(parse.GetValue(lang), script.Language);
            var classifier = parse.GetValue(endpoint) is { } uri
                ? ChatClassifiers.OpenAiCompatible(new ChatModelOptions(uri, parse.GetValue(model) ?? "default",
                    Environment.GetEnvironmentVariable("HUAWU_CHAT_MODEL_KEY")))
                : null;
            if (Variables(parse.GetValue(variables)) is not { } given) return CliErrors.Failure;
            if (parse.GetValue(transcript) is not { } replay)
            {
                return await ScriptConsole.RunAsync(script, given, Console.In, Console.Out, language, classifier: classifier, cancellation: cancellation);
            }
            var parsed = TranscriptParser.Parse(await File.ReadAllTextAsync(replay.FullName, cancellation));
            if (parsed.Transcript is not { } conversation) return CliErrors.Report([$"{replay.Name}: {parsed.Error}"]);
            foreach (var (name, value) in given) conversation = conversation with { Variables = new Dictionary<string, string>(conversation.Variables) { [name] = value } };
            var result = await TranscriptReplay.RunAsync(script, conversation, language, classifier, Console.Out, cancellation);
            if (!result.Passed) return CliErrors.Report([$"{replay.Name}: {result.Message}"]);
            Console.WriteLine(result.Message);
            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var file = ScriptFile();
        var lang = Language();
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("import", "Validate a script and store it as a new version. 校验并保存为新版本。") { file, lang, config, data };
        command.SetAction(async (parse, cancellation) =>
        {
            var path = parse.GetValue(file)!;
            if (await LoadAsync(path, parse.GetValue(lang), cancellation) is not { } script) return CliErrors.Failure;
            var language = UiLanguage.Resolve(parse.GetValue(lang), script.Language);
            return await DataSetup.RunAsync(parse, config, data, async (_, store) =>
            {
                var imported = await ScriptImporter.ImportAsync(store.Scripts, await File.ReadAllTextAsync(path.FullName, cancellation), null, cancellation);
                if (imported.Stored is not { } stored)
                {
                    Console.WriteLine(Text(language, $"未变化：{script.Name} 与已保存的版本 {imported.UnchangedVersion} 相同",
                        $"unchanged: {script.Name} is the same as stored version {imported.UnchangedVersion}"));
                    return 0;
                }
                await store.Audit.AppendAsync(new AuditEvent(CliActor.Name, AuditAction.Created, TargetType: "script_version",
                    TargetId: stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: $"{stored.Name} v{stored.Version}"), cancellation);
                Console.WriteLine(Text(language, $"已导入 {stored.Name} 版本 {stored.Version}（id {stored.Id}）",
                    $"imported {stored.Name} version {stored.Version} (id {stored.Id})"));
                return 0;
            }, cancellation);
        });
        return command;
    }

    private static Command Samples()
    {
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write the sample scripts into this folder. 示例话术输出目录。" };
        var command = new Command("samples", "List the shipped sample scripts, or write them out. 列出或导出示例话术。") { output };
        command.SetAction(async (parse, cancellation) =>
        {
            var folder = parse.GetValue(output);
            if (folder is not null) Directory.CreateDirectory(folder.FullName);
            foreach (var name in SampleScripts.Names)
            {
                if (folder is not null) await File.WriteAllTextAsync(Path.Combine(folder.FullName, name), SampleScripts.Read(name), cancellation);
                Console.WriteLine(folder is null ? name : Path.Combine(folder.FullName, name));
            }
            return 0;
        });
        return command;
    }

    /// <summary>Loads a script file, reporting every error (in the chosen language) when it does not load.</summary>
    /// <summary>The <c>--var name=value</c> pairs, or null (reported) when one is not such a pair.</summary>
    internal static Dictionary<string, string>? Variables(string[]? pairs)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                CliErrors.Report([$"--var: '{pair}' is not name=value"]);
                return null;
            }
            given[pair[..at]] = pair[(at + 1)..];
        }
        return given;
    }

    /// <summary>A script file, loaded and checked; null (its errors reported) otherwise.</summary>
    internal static async Task<Script?> LoadAsync(FileInfo file, string? lang, CancellationToken cancellation)
    {
        if (!file.Exists)
        {
            CliErrors.Report([$"{file.Name}: no such file"]);
            return null;
        }
        var text = await File.ReadAllTextAsync(file.FullName, cancellation);
        var loaded = ScriptLoader.Load(text);
        if (loaded.Script is { } script) return script;
        var language = UiLanguage.Resolve(lang, ScriptLoader.DeclaredLanguage(text) ?? ScriptLanguage.En);
        CliErrors.Report(loaded.Errors.Select(e => e.Format(language, file.Name)));
        return null;
    }

    private static string Text(ScriptLanguage language, string zh, string en) => language == ScriptLanguage.Zh ? zh : en;
}
