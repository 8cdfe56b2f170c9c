using System.Threading.Channels;
using Huawu.Media.Audio;
using Huawu.Robot.Dialogue;
using Huawu.Speech.Pipeline;
using Huawu.Speech.Tts;

namespace Huawu.Robot.Runtime;

/// <summary>
/// The robot's voice on a real call: a <see cref="VoicePipeline"/> with the TTS engine lines are synthesized with, and
/// the directory the script's recorded prompts are found in (a line with a prompt plays the recording).
/// </summary>
public sealed class PipelineVoice(VoicePipeline pipeline, ITextToSpeech tts, string voice, string language, string? promptDirectory = null) : IRobotVoice
{
    private readonly Dictionary<string, AudioClip?> _prompts = new(StringComparer.Ordinal);

    public ChannelReader<PipelineEvent> Events => pipeline.Events;

    public long Say(SayAction line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var recording = line.PromptFile is { } file ? Prompt(file) : null;
        var playback = recording is not null
            ? pipeline.Play(recording, line.Text)
            : pipeline.Say(tts, SpeechText.Plain(line.Text, language), voice);
        return playback.Id;
    }

    public long Listen(ListenOptions options) => pipeline.Listen(options).Id;

    public void StopSpeaking() => pipeline.StopSpeaking();

    public void StopListening() => pipeline.StopListening();

    /// <summary>The prompt's recording, loaded once per call; null (the line is synthesized instead) when it is missing or unreadable.</summary>
    private AudioClip? Prompt(string file)
    {
        if (_prompts.TryGetValue(file, out var known)) return known;
        var path = Path.IsPathRooted(file) || promptDirectory is null ? file : Path.Combine(promptDirectory, file);
        AudioClip? clip = null;
        if (File.Exists(path))
        {
            using var stream = File.OpenRead(path);
            if (AudioClip.TryLoad(stream, out var loaded) == WavStatus.Ok) clip = loaded;
        }
        return _prompts[file] = clip;
    }
}
