using Huawu.Media.Dsp;
using Huawu.Speech.Configuration;

namespace Huawu.Speech.Asr.Pocketsphinx;

/// <summary>
/// The embedded recognizer for constrained English answers ("yes", "no", "press one"): Debian's pocketsphinx with a
/// JSGF grammar built from <see cref="RecognitionOptions.Grammar"/>, keyword spotting for
/// <see cref="RecognitionOptions.HotWords"/>, or free speech with an n-gram model. Streams at
/// <c>speech.asr.sample_rate</c> (8 kHz telephone audio is upsampled to the model's 16 kHz).
/// </summary>
internal sealed class PocketsphinxRecognizer : ISpeechRecognizer, IRecognizerDictionary
{
    private readonly PocketsphinxDecoderPool _pool;

    private PocketsphinxRecognizer(PocketsphinxDecoderPool pool, int sampleRate)
    {
        _pool = pool;
        SampleRate = sampleRate;
    }

    public string Name => "pocketsphinx";

    public int SampleRate { get; }

    public bool IsStreaming => true;

    internal PocketsphinxDecoderPool Pool => _pool;

    /// <summary>Checks the model's files and loads one decoder (so a broken installation fails here, not on a call).</summary>
    public static PocketsphinxRecognizer? TryCreate(PocketsphinxAsrOptions options, int sampleRate, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Resampler.IsSupported(sampleRate, options.ModelSampleRate))
        {
            error = $"speech.asr.sample_rate: {sampleRate} Hz audio cannot be converted to the model's {options.ModelSampleRate} Hz";
            return null;
        }
        if (PocketsphinxModel.TryLoad(options, out error) is not { } model) return null;
        var pool = new PocketsphinxDecoderPool(model);
        if (!pool.TryPreload(1, out error))
        {
            pool.Dispose();
            return null;
        }
        return new PocketsphinxRecognizer(pool, sampleRate);
    }

    public IRecognitionSession StartSession(RecognitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PocketsphinxSession(_pool, options, SampleRate);
    }

    public bool Knows(string word) => _pool.Model.Words.Contains(word);

    public void Dispose() => _pool.Dispose();
}
