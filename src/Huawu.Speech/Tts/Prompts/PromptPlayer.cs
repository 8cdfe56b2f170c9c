using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Huawu.Speech.Tts.Audio;

namespace Huawu.Speech.Tts.Prompts;

/// <summary>
/// Plays pieces in order at the library's rate. Every TTS piece starts synthesizing at once (converted to the
/// library's rate as it arrives), so a name after a greeting is ready when the greeting's recording ends.
/// </summary>
internal static class PromptPlayer
{
    private static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(200);

    public static async IAsyncEnumerable<SynthesizedAudio> PlayAsync(IReadOnlyList<PromptPiece> pieces, int sampleRate,
        ITextToSpeech tts, string voice, [EnumeratorCancellation] CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var spoken = pieces
            .Select((piece, i) => (piece, i))
            .Where(p => p.piece is PromptPiece.Spoken)
            .ToDictionary(p => p.i, p => Speak(((PromptPiece.Spoken)p.piece).Text, sampleRate, tts, voice, stop.Token));
        var position = 0L;
        try
        {
            for (var i = 0; i < pieces.Count; i++)
            {
                var audio = pieces[i] switch
                {
                    PromptPiece.Recorded recorded => Slices(recorded.Entry.Samples, sampleRate),
                    PromptPiece.Silence silence => Slices(new short[(int)Math.Round(silence.Duration.TotalSeconds * sampleRate)], sampleRate),
                    _ => spoken[i].ReadAllAsync(stop.Token),
                };
                await foreach (var samples in audio)
                {
                    yield return new SynthesizedAudio(samples, sampleRate, TimeSpan.FromSeconds((double)position / sampleRate));
                    position += samples.Length;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static ChannelReader<short[]> Speak(SpeechText text, int sampleRate, ITextToSpeech tts, string voice, CancellationToken cancellation)
    {
        var channel = Channel.CreateUnbounded<short[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _ = Task.Run(async () =>
        {
            ChunkResampler? converter = null;
            try
            {
                await foreach (var chunk in tts.SynthesizeAsync(text, voice, cancellation))
                {
                    converter ??= new ChunkResampler(chunk.SampleRate, sampleRate);
                    channel.Writer.TryWrite(converter.InputRate == sampleRate ? chunk.Samples : converter.Process(chunk.Samples));
                }
                if (converter is not null && converter.InputRate != sampleRate) channel.Writer.TryWrite(converter.Flush());
                channel.Writer.TryComplete();
            }
#pragma warning disable CA1031 // The reader gets the engine's failure, whatever it is, where it reads this piece.
            catch (Exception e)
#pragma warning restore CA1031
            {
                channel.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        return channel.Reader;
    }

    private static async IAsyncEnumerable<short[]> Slices(short[] samples, int sampleRate)
    {
        var size = (int)(Chunk.TotalSeconds * sampleRate);
        for (var at = 0; at < samples.Length; at += size) yield return samples[at..Math.Min(samples.Length, at + size)];
        await Task.CompletedTask;
    }
}
