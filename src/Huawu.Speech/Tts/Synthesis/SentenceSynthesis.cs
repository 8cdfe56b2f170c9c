using System.Threading.Channels;

namespace Huawu.Speech.Tts.Synthesis;

/// <summary>
/// One sentence being synthesized by an engine: its audio arrives on <see cref="Audio"/> as the engine makes it
/// (the channel ends with the engine's error, if any); <see cref="Produced"/> completes once the engine has made it
/// all, which may be long before the consumer has read it.
/// </summary>
internal sealed class SentenceSynthesis(Action<int>? counted = null)
{
    private readonly Channel<short[]> _audio = Channel.CreateUnbounded<short[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly TaskCompletionSource _produced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChannelReader<short[]> Audio => _audio.Reader;

    public Task Produced => _produced.Task;

    /// <summary>Called by the engine for each piece of audio (copied: the engine's buffer is not kept).</summary>
    public void Write(short[] samples)
    {
        counted?.Invoke(samples.Length);
        _audio.Writer.TryWrite(samples);
    }

    /// <summary>Called by the engine when the sentence is done, with the reason when it failed or was cancelled.</summary>
    public void Complete(Exception? error = null)
    {
        _audio.Writer.TryComplete(error);
        _produced.TrySetResult();
    }
}
