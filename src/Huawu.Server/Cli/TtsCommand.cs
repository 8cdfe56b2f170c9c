using System.CommandLine;
using Huawu.Media.Audio;
using Huawu.Server.Configuration;
using Huawu.Speech;
using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Ssml;

namespace Huawu.Server.Cli;

/// <summary>
/// <c>huawu tts "text" [--voice V] [--engine E] --out F.wav</c>: speaks a line with a configured engine into a WAV
/// file at the engine's own rate, for whoever sets engines and voices up. The text may be SSML (<c>&lt;speak&gt;…</c>).
/// </summary>
internal static class TtsCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "What to say: plain text, or SSML (<speak> with <break> and <say-as>)." };
        var voice = new Option<string?>("--voice") { Description = "The voice (espeak: cmn, en-us…; sherpa: a model directory's name; http: the server's). Default: the language's." };
        var engine = new Option<string?>("--engine") { Description = $"The engine: {string.Join(", ", TtsEngineNames.All)}. Default: the one configured for the voice or language." };
        var language = new Option<string?>("--language") { Description = "The text's language (zh, en), for reading numbers and choosing the default voice." };
        var output = new Option<FileInfo>("--out") { Description = "The WAV file to write (16-bit mono).", Required = true };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("tts", "Speak a line into a WAV file with a TTS engine.") { text, voice, engine, language, output, config, data };
        command.SetAction((parse, cancellation) => RunAsync(new Request(parse.GetValue(text)!, parse.GetValue(voice), parse.GetValue(engine),
            parse.GetValue(language), parse.GetValue(output)!, parse.GetValue(config), parse.GetValue(data)), cancellation));
        return command;
    }

    private sealed record Request(string Text, string? Voice, string? Engine, string? Language, FileInfo Output, FileInfo? Config, DirectoryInfo? Data);

    private static async Task<int> RunAsync(Request request, CancellationToken cancellation)
    {
        var loaded = ConfigurationLoader.Load(request.Config?.FullName, new ConfigurationOverrides(request.Data?.FullName));
        if (loaded.Configuration is not { } configuration) return CliErrors.Report(loaded.Errors);
        var options = configuration.Speech.Tts;
        if (options.Validate().ToArray() is { Length: > 0 } invalid) return CliErrors.Report(invalid);
        if (!SsmlParser.TryParse(request.Text, out var speech, out var ssmlError)) return CliErrors.Report([ssmlError.ToString()]);
        if (request.Language is not null) speech = speech with { Language = request.Language };

        var modelDirectory = Path.Combine(configuration.Data, configuration.Speech.ModelDirectory);
        using var engines = new TextToSpeechEngines(options, configuration.Data, modelDirectory, diskCache: false);
        // Without --engine: the engine configured for the voice, else the language's; without --voice: that engine's configured voice.
        var preferred = engines.DefaultVoice(request.Language);
        var engineName = request.Engine ?? (request.Voice is null
            ? preferred.Engine
            : options.Languages.Values.FirstOrDefault(c => c.Voice == request.Voice)?.Engine ?? options.DefaultEngine);
        var voice = request.Voice ?? (preferred.Engine == engineName
            ? preferred.Voice
            : options.Languages.Values.FirstOrDefault(c => c.Engine == engineName)?.Voice);
        if (voice is null) return CliErrors.Report([$"--voice: required for the {engineName} engine (no default voice is configured for it)"]);
        if (!engines.TryGet(engineName, out var tts, out var engineError)) return CliErrors.Report([engineError]);
        return await WriteAsync(tts, speech, voice, request.Output, cancellation);
    }

    private static async Task<int> WriteAsync(ITextToSpeech tts, SpeechText speech, string voice, FileInfo output, CancellationToken cancellation)
    {
        WavWriter? writer = null;
        try
        {
            await foreach (var chunk in tts.SynthesizeAsync(speech, voice, cancellation))
            {
                writer ??= WavWriter.Create(output.FullName, chunk.SampleRate, 1);
                writer.Write(chunk.Samples);
            }
            if (writer is null) return CliErrors.Report(["there was nothing to say"]);
            var seconds = (double)writer.FrameCount / writer.SampleRate;
            writer.Dispose();
            Console.WriteLine($"{output.FullName}: {seconds:0.00} s at {writer.SampleRate} Hz ({tts.Name}, {voice})");
            return 0;
        }
        catch (SpeechEngineException e)
        {
            writer?.Dispose();
            if (writer is not null) output.Delete();
            return CliErrors.Report([e.Message]);
        }
    }
}
