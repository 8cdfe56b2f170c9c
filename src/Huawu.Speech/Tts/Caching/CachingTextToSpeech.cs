using System.Runtime.CompilerServices;
using Huawu.Speech.Tts.Text;

namespace Huawu.Speech.Tts.Caching;

/// <summary>
/// Puts a <see cref="TtsAudioCache"/> in front of an engine: an utterance heard before (same engine, voice and
/// normalized text) is replayed without synthesis, and concurrent requests for one not yet cached share a single
/// synthesis, each reading it as it streams. Only complete utterances are cached.
/// </summary>
internal sealed class CachingTextToSpeech(ITextToSpeech inner, TtsAudioCache cache) : ITextToSpeech
{
    private readonly Dictionary<TtsCacheKey, SharedSynthesis> _running = [];

    public string Name => inner.Name;

    public IReadOnlyList<VoiceInfo> Voices => inner.Voices;

    public async IAsyncEnumerable<SynthesizedAudio> SynthesizeAsync(SpeechText text, string voice,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        var key = KeyOf(text, voice);
        if (await cache.TryGetAsync(key, cancellation) is { } cached)
        {
            foreach (var chunk in cached.Replay()) yield return chunk;
            yield break;
        }
        var shared = Join(key, text, voice);
        try
        {
            await foreach (var chunk in shared.ReadAsync(cancellation)) yield return chunk;
        }
        finally
        {
            Leave(key, shared);
        }
    }

    private TtsCacheKey KeyOf(SpeechText text, string voice)
    {
        var baseVoice = voice.Split('+')[0];
        var language = text.Language ?? inner.Voices.FirstOrDefault(v => string.Equals(v.Id, baseVoice, StringComparison.OrdinalIgnoreCase))?.Language;
        return new TtsCacheKey(inner.Name, voice.ToLowerInvariant(), SpeechScript.Normalize(SpeechScript.Build(text, language)));
    }

    private SharedSynthesis Join(TtsCacheKey key, SpeechText text, string voice)
    {
        lock (_running)
        {
            if (!_running.TryGetValue(key, out var shared))
            {
                shared = new SharedSynthesis();
                _running[key] = shared;
                _ = Task.Run(() => RunAsync(key, shared, text, voice), CancellationToken.None);
            }
            shared.Readers++;
            return shared;
        }
    }

    private void Leave(TtsCacheKey key, SharedSynthesis shared)
    {
        lock (_running)
        {
            // The last reader gone before the end: nobody wants the rest, so it is not synthesized (nor cached).
            if (--shared.Readers > 0 || shared.IsDone) return;
            if (_running.TryGetValue(key, out var current) && current == shared) _running.Remove(key);
        }
        shared.Stop();
    }

    private async Task RunAsync(TtsCacheKey key, SharedSynthesis shared, SpeechText text, string voice)
    {
        var chunks = new List<SynthesizedAudio>();
        Exception? error = null;
        try
        {
            await foreach (var chunk in inner.SynthesizeAsync(text, voice, shared.Stopping))
            {
                chunks.Add(chunk);
                shared.Add(chunk);
            }
            if (chunks.Count > 0 && chunks.TrueForAll(c => c.SampleRate == chunks[0].SampleRate))
            {
                await cache.PutAsync(key, new CachedSpeech([.. chunks.SelectMany(c => c.Samples)], chunks[0].SampleRate), CancellationToken.None);
            }
        }
#pragma warning disable CA1031 // Every reader gets the engine's failure, whatever it is.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error = e;
        }
        finally
        {
            lock (_running)
            {
                if (_running.TryGetValue(key, out var current) && current == shared) _running.Remove(key);
            }
            shared.Finish(error);
            shared.Dispose();
        }
    }
}
