namespace Huawu.Speech.Asr;

/// <summary>
/// A speech recognition engine. Each utterance (or each call, for streaming engines) is one
/// <see cref="IRecognitionSession"/>; the engine itself is shared and thread-safe. Disposing it frees what it holds
/// (native models, pooled decoders, HTTP connections) once no session uses it any more.
/// </summary>
public interface ISpeechRecognizer : IDisposable
{
    /// <summary>The engine's name as configuration and the CLI spell it (<c>pocketsphinx</c>, <c>sherpa</c>, <c>funasr</c>, <c>openai</c>).</summary>
    string Name { get; }

    /// <summary>The sample rate sessions take audio at (callers resample to it).</summary>
    int SampleRate { get; }

    /// <summary>
    /// True when results flow while audio arrives (partials); false when the engine recognizes a whole segment
    /// after <see cref="IRecognitionSession.Complete"/> (offline models, HTTP transcription).
    /// </summary>
    bool IsStreaming { get; }

    /// <summary>Starts recognizing one stream of audio.</summary>
    IRecognitionSession StartSession(RecognitionOptions options);
}

/// <summary>What a session should listen for.</summary>
public sealed record RecognitionOptions
{
    /// <summary>A BCP 47 tag (<c>zh-CN</c>, <c>en-US</c>); null lets the engine decide or detect.</summary>
    public string? Language { get; init; }

    /// <summary>Words or phrases to favour (hot words), where the engine supports it.</summary>
    public IReadOnlyList<string> HotWords { get; init; } = [];

    /// <summary>
    /// The only phrases that may be recognized (a grammar), for engines that can constrain their search
    /// (pocketsphinx); empty means free speech.
    /// </summary>
    public IReadOnlyList<string> Grammar { get; init; } = [];
}

/// <summary>
/// One stream of audio being recognized. Feed audio with <see cref="AcceptAudio"/> from one thread, end it with
/// <see cref="Complete"/>, and read <see cref="Results"/>: partial results (streaming engines) and then final ones;
/// the reader completes after the last final result, or with a <see cref="SpeechEngineException"/>.
/// </summary>
public interface IRecognitionSession : IAsyncDisposable
{
    /// <summary>Takes 16-bit mono audio at the engine's <see cref="ISpeechRecognizer.SampleRate"/>. Must not block on I/O.</summary>
    void AcceptAudio(ReadOnlySpan<short> samples);

    /// <summary>No more audio: the engine finishes and delivers its final result(s).</summary>
    void Complete();

    System.Threading.Channels.ChannelReader<RecognitionResult> Results { get; }
}

/// <summary>
/// A recognition result. <see cref="Start"/>/<see cref="End"/> are offsets in the session's audio.
/// <see cref="Confidence"/> is 0 to 1 where the engine gives one, otherwise null.
/// </summary>
public sealed record RecognitionResult(
    string Text,
    bool IsFinal,
    TimeSpan Start,
    TimeSpan End,
    float? Confidence = null,
    string? Language = null);
