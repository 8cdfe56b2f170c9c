using Huawu.Media.Dsp;

namespace Huawu.Speech.Asr.Pocketsphinx;

/// <summary>
/// One stream recognized by a pooled pocketsphinx decoder. Grammar and free-speech sessions publish the hypothesis as
/// it changes (partial) and the final one when the audio ends (an empty final text: nothing matched); keyword sessions
/// publish each detection as a final result the moment pocketsphinx reports it, and an empty final if none came.
/// </summary>
internal sealed class PocketsphinxSession : QueuedRecognitionSession
{
    /// <summary>How often the hypothesis is looked at while audio streams (it costs a back-trace).</summary>
    private static readonly TimeSpan PartialInterval = TimeSpan.FromMilliseconds(100);

    private readonly PocketsphinxDecoderPool _pool;
    private readonly RecognitionOptions _options;
    private readonly Resampler _resampler;
    private readonly HighBandFill? _highBandFill;
    private LeadingQuietTrim? _trim;
    private short[] _converted = new short[640];
    private PocketsphinxSearch? _search;
    private PocketsphinxDecoder? _decoder;
    private bool _inUtterance;
    private string _lastHypothesis = "";
    private TimeSpan _lastPartialCheck;
    private int _keywordsReported;
    private long _trimmedSamples;

    public PocketsphinxSession(PocketsphinxDecoderPool pool, RecognitionOptions options, int sampleRate) : base(sampleRate)
    {
        _pool = pool;
        _options = options;
        _resampler = Resampler.Create(sampleRate, pool.Model.SampleRate);
        if (pool.Model.SampleRate == 2 * sampleRate) _highBandFill = new HighBandFill(sampleRate);
        Run();
    }

    protected override Task StartAsync(CancellationToken cancellation)
    {
        _search = PocketsphinxSearch.TryCreate(_options, _pool.Model, out var error) ?? throw new SpeechEngineException(error!);
        _decoder = _pool.TryRent(out error) ?? throw new SpeechEngineException(error!);
        var selected = _search.Kind switch
        {
            PocketsphinxSearchKind.Grammar => _decoder.TryUseGrammar(_search.Name, _search.Definition, out error),
            PocketsphinxSearchKind.Keywords => _decoder.TryUseKeywords(_search.Name, WriteKeywordFile, out error),
            _ => _decoder.TryUseLanguageModel(out error),
        };
        if (!selected || !_decoder.TryStartUtterance(out error)) throw new SpeechEngineException(error!);
        // Measured with grammars; keyword spotting found fewer keyphrases in trimmed prompts (8 of 10 instead of 9).
        if (_search.Kind == PocketsphinxSearchKind.Grammar) _trim = new LeadingQuietTrim(SampleRate);
        _inUtterance = true;
        return Task.CompletedTask;
    }

    protected override ValueTask ProcessAsync(ReadOnlyMemory<short> samples, CancellationToken cancellation)
    {
        if (_trim is null)
        {
            Decode(samples.Span);
        }
        else
        {
            _trim.Take(samples.Span, out var lead, out var rest);
            _trimmedSamples += samples.Length - lead.Length - rest.Length;
            Decode(lead);
            Decode(rest);
        }
        var position = AudioPosition + SamplesToTime(samples.Length);
        if (position - _lastPartialCheck >= PartialInterval)
        {
            _lastPartialCheck = position;
            PublishProgress(position, isFinal: false);
        }
        return ValueTask.CompletedTask;
    }

    private void Decode(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty) return;
        var needed = _resampler.GetOutputLength(samples.Length);
        if (_converted.Length < needed) _converted = new short[needed];
        var converted = _resampler.Process(samples, _converted);
        _highBandFill?.AddTo(_converted.AsSpan(0, converted));
        _decoder!.Process(_converted.AsSpan(0, converted));
        if (_decoder.IsBroken) throw new SpeechEngineException("pocketsphinx failed while decoding");
    }

    protected override Task FinishAsync(CancellationToken cancellation)
    {
        _decoder!.EndUtterance();
        _inUtterance = false;
        var published = PublishProgress(AudioPosition, isFinal: true);
        if (!published) Publish(new RecognitionResult("", IsFinal: true, TimeSpan.Zero, AudioPosition, Language: "en-US"));
        return Task.CompletedTask;
    }

    protected override ValueTask ReleaseAsync()
    {
        if (_decoder is { } decoder)
        {
            if (_inUtterance) decoder.EndUtterance();
            _pool.Return(decoder);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Publishes what is new since the last look; true when a final result went out.</summary>
    private bool PublishProgress(TimeSpan position, bool isFinal)
    {
        if (_search!.Kind == PocketsphinxSearchKind.Keywords) return PublishDetections(position) || _keywordsReported > 0;
        var hypothesis = _decoder!.Hypothesis();
        if (!isFinal && (hypothesis.Length == 0 || hypothesis == _lastHypothesis)) return false;
        _lastHypothesis = hypothesis;
        if (isFinal && hypothesis.Length == 0) return false;
        var words = _decoder.Segments();
        // The decoder's times count from the audio it got, which starts after the trimmed quiet.
        var trimmed = SamplesToTime(_trimmedSamples);
        var start = words.Count > 0 ? words.Min(w => w.Start) + trimmed : TimeSpan.Zero;
        var end = words.Count > 0 ? words.Max(w => w.End) + trimmed : position;
        Publish(new RecognitionResult(hypothesis, isFinal, start, end, Language: "en-US"));
        return isFinal;
    }

    private bool PublishDetections(TimeSpan position)
    {
        // Keyword spotting lists detections newest first; the ones beyond those already reported are new. Seen here
        // within PartialInterval of being made, so they end about now.
        var detections = _decoder!.Segments(anchor: position);
        for (var i = detections.Count - 1 - _keywordsReported; i >= 0; i--)
        {
            var (phrase, start, end) = detections[i];
            Publish(new RecognitionResult(phrase, IsFinal: true, start, end, Language: "en-US"));
        }
        var added = detections.Count - _keywordsReported;
        _keywordsReported = Math.Max(_keywordsReported, detections.Count);
        return added > 0;
    }

    private string WriteKeywordFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"huawu-keywords-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, _search!.Definition);
        return path;
    }
}
