using System.CommandLine;
using System.Globalization;
using Huawu.Media.Audio;
using Huawu.Server.Configuration;
using Huawu.Speech;
using Huawu.Speech.Configuration;
using Huawu.Speech.Endpointing;
using Huawu.Speech.Vad;

namespace Huawu.Server.Cli;

/// <summary>
/// <c>huawu vad FILE.wav [--engine energy|silero] [--min-speech MS] [--trailing-silence MS]</c>: the speech segments a
/// call's endpointing would find in a recording, one <c>start-end</c> line (seconds) each — for setting up engines and
/// thresholds on real audio.
/// </summary>
internal static class VadCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A WAV file: 16-bit PCM, A-law or µ-law, mono or stereo, 8 or 16 kHz." };
        var engine = new Option<string?>("--engine") { Description = "energy or silero. Default: speech.vad.engine (energy)." };
        engine.AcceptOnlyFromAmong("energy", "silero");
        var minSpeech = new Option<int?>("--min-speech") { Description = "Milliseconds of speech before an utterance starts. Default: speech.vad.min_speech_ms." };
        var trailingSilence = new Option<int?>("--trailing-silence") { Description = "Milliseconds of silence that end an utterance. Default: speech.vad.trailing_silence_ms." };
        var model = new Option<FileInfo?>("--model") { Description = "The silero model file. Default: speech.vad.silero_model in the model directory." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("vad", "Print the speech segments of a WAV file (start-end in seconds).")
        {
            file, engine, minSpeech, trailingSilence, model, config, data,
        };
        command.SetAction(parse =>
        {
            var loaded = ConfigurationLoader.Load(parse.GetValue(config)?.FullName, new ConfigurationOverrides(parse.GetValue(data)?.FullName));
            if (loaded.Configuration is not { } configuration) return CliErrors.Report(loaded.Errors);
            var options = configuration.Speech.Vad;
            if (parse.GetValue(engine) is { } name) options.Engine = name == "silero" ? VadEngine.Silero : VadEngine.Energy;
            if (parse.GetValue(model) is { } path) options.SileroModel = path.FullName;
            if (parse.GetValue(minSpeech) is { } ms)
            {
                if (ms < 0) return CliErrors.Report(["--min-speech: milliseconds, 0 or more"]);
                options.MinSpeechMs = ms;
            }
            if (parse.GetValue(trailingSilence) is { } silence)
            {
                if (silence <= 0) return CliErrors.Report(["--trailing-silence: milliseconds, more than 0"]);
                options.TrailingSilenceMs = silence;
            }
            return Run(parse.GetValue(file)!, options, ModelDirectory(configuration));
        });
        return command;
    }

    private static int Run(FileInfo file, VadOptions options, string modelDirectory)
    {
        if (options.Validate() is { Count: > 0 } problems) return CliErrors.Report(problems);
        if (!file.Exists) return CliErrors.Report([$"{file.FullName}: no such file"]);
        AudioClip? clip;
        try
        {
            var status = AudioClip.TryLoad(file.OpenRead(), out clip);
            if (status != WavStatus.Ok) return CliErrors.Report([$"{file.FullName}: {Describe(status)}"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CliErrors.Report([$"{file.FullName}: {e.Message}"]);
        }
        try
        {
            var factory = VoiceActivityDetectorFactory.FromOptions(options, modelDirectory);
            using var detector = factory.Create(clip!.SampleRate);
            foreach (var segment in SpeechSegmenter.Segment(detector, clip.SampleRate, clip.Samples, options.ToEndpointingOptions()))
            {
                var cut = segment.Reason == UtteranceEndReason.MaxUtterance ? "\t(cut at the maximum utterance length)" : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{segment.Start.TotalSeconds:F2}-{segment.End.TotalSeconds:F2}{cut}"));
            }
            return 0;
        }
        catch (SpeechEngineException e)
        {
            return CliErrors.Report([e.Message]);
        }
    }

    /// <summary><c>speech.model_directory</c>, whose relative paths start from the data directory.</summary>
    private static string ModelDirectory(ServerConfiguration configuration) =>
        Path.GetFullPath(Path.Combine(configuration.Data, configuration.Speech.ModelDirectory));

    private static string Describe(WavStatus status) => status switch
    {
        WavStatus.NotWave => "not a WAV file",
        WavStatus.MissingFormat or WavStatus.MissingData => "a damaged WAV file (no usable fmt or data chunk)",
        WavStatus.UnsupportedEncoding => "not 16-bit PCM, A-law or µ-law",
        WavStatus.UnsupportedChannels => "neither mono nor stereo",
        WavStatus.UnsupportedSampleRate => "not at 8 or 16 kHz (convert it, e.g. sox IN.wav -r 16000 OUT.wav)",
        _ => status.ToString(),
    };
}
