using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Huawu.Media.Audio;
using Huawu.Media.Dsp;
using Huawu.Server.Configuration;
using Huawu.Speech;
using Huawu.Speech.Asr;
using Huawu.Speech.Configuration;

namespace Huawu.Server.Cli;

/// <summary>
/// <c>huawu asr FILE.wav [--engine E] [--grammar "yes|no"] [--hot-words "…"]</c>: recognizes a recording with a
/// configured engine the way a call feeds it (20 ms at a time) and prints each final text on a line, then how long it
/// took — for whoever sets engines, models and grammars up.
/// </summary>
internal static class AsrCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A WAV file: 16-bit PCM, A-law or µ-law, mono or stereo, 8 or 16 kHz." };
        var engine = new Option<string?>("--engine") { Description = $"{string.Join(", ", AsrOptions.EngineNames)}. Default: speech.asr.engine." };
        engine.AcceptOnlyFromAmong([.. AsrOptions.EngineNames]);
        var grammar = new Option<string?>("--grammar") { Description = "The only phrases that may be heard, separated by | (pocketsphinx): \"yes|no|press one\"." };
        var hotWords = new Option<string?>("--hot-words") { Description = "Words to favour, separated by | (pocketsphinx: keywords to spot)." };
        var language = new Option<string?>("--language") { Description = "The speech's language (zh-CN, en-US) for engines that take one." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("asr", "Recognize the speech in a WAV file and print the text.") { file, engine, grammar, hotWords, language, config, data };
        command.SetAction((parse, cancellation) =>
        {
            var loaded = ConfigurationLoader.Load(parse.GetValue(config)?.FullName, new ConfigurationOverrides(parse.GetValue(data)?.FullName));
            if (loaded.Configuration is not { } configuration) return Task.FromResult(CliErrors.Report(loaded.Errors));
            var request = new RecognitionOptions
            {
                Grammar = Phrases(parse.GetValue(grammar)),
                HotWords = Phrases(parse.GetValue(hotWords)),
                Language = parse.GetValue(language),
            };
            return RunAsync(parse.GetValue(file)!, parse.GetValue(engine), request, configuration, cancellation);
        });
        return command;
    }

    /// <summary>Where model packs live: <c>speech.model_directory</c>, relative to the data directory.</summary>
    internal static string ModelDirectory(ServerConfiguration configuration) =>
        Path.GetFullPath(Path.Combine(configuration.Data, configuration.Speech.ModelDirectory));

    private static async Task<int> RunAsync(FileInfo file, string? engineName, RecognitionOptions request, ServerConfiguration configuration, CancellationToken cancellation)
    {
        var options = configuration.Speech.Asr;
        if (TryLoad(file, options.SampleRate, out var error) is not { } clip) return CliErrors.Report([error!]);

        var loading = Stopwatch.StartNew();
        using var recognizer = SpeechRecognizers.TryCreate(engineName, options, ModelDirectory(configuration), TimeProvider.System, out error);
        if (recognizer is null) return CliErrors.Report([error!]);
        loading.Stop();
        if (request.Grammar.Count > 0 && recognizer.Name != "pocketsphinx")
        {
            await Console.Error.WriteLineAsync($"huawu: --grammar is ignored: the {recognizer.Name} engine cannot constrain what it hears");
        }

        var audio = Convert(clip, options.SampleRate);
        var recognizing = Stopwatch.StartNew();
        var finals = new List<string>();
        try
        {
            await using var session = recognizer.StartSession(request);
            var frame = options.SampleRate / 50;
            for (var offset = 0; offset < audio.Length; offset += frame) session.AcceptAudio(audio.AsSpan(offset, Math.Min(frame, audio.Length - offset)));
            session.Complete();
            await foreach (var result in session.Results.ReadAllAsync(cancellation))
            {
                if (result.IsFinal && result.Text.Length > 0) finals.Add(result.Text);
            }
        }
        catch (SpeechEngineException e)
        {
            return CliErrors.Report([e.Message]);
        }
        recognizing.Stop();

        foreach (var text in finals) Console.WriteLine(text);
        var seconds = clip.Duration.TotalSeconds;
        var took = recognizing.Elapsed.TotalSeconds;
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "({0}: {1}{2:0.00} s of audio in {3:0.00} s, {4:0.00}× real time; engine ready in {5:0.00} s)",
            recognizer.Name, finals.Count == 0 ? "nothing recognized in " : "", seconds, took, took / seconds, loading.Elapsed.TotalSeconds));
        return 0;
    }

    /// <summary>The file's audio, if it is a WAV file the engines can take (Huawu reads 8 and 16 kHz: telephone rates).</summary>
    private static AudioClip? TryLoad(FileInfo file, int rate, out string? error)
    {
        error = null;
        if (!file.Exists)
        {
            error = $"{file.FullName}: no such file";
            return null;
        }
        var status = AudioClip.TryLoad(file.OpenRead(), out var clip);
        error = status switch
        {
            WavStatus.Ok => null,
            WavStatus.UnsupportedSampleRate => $"{file.FullName}: neither 8 nor 16 kHz audio: convert it first (sox IN.wav -r {rate} OUT.wav)",
            _ => $"{file.FullName}: not a usable WAV file ({status})",
        };
        return clip;
    }

    private static short[] Convert(AudioClip clip, int rate)
    {
        var resampler = Resampler.Create(clip.SampleRate, rate);
        // Halving the rate takes sample pairs: a file's odd last sample (1/16000 s) is left out.
        var samples = clip.SampleRate == 2 * rate ? clip.Samples[..(clip.Samples.Length & ~1)] : clip.Samples;
        var converted = new short[resampler.GetOutputLength(samples.Length)];
        var written = resampler.Process(samples, converted);
        return written == converted.Length ? converted : converted[..written];
    }

    private static List<string> Phrases(string? list) =>
        list is null ? [] : [.. list.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
