using Huawu.Speech.Configuration;

namespace Huawu.Speech.Asr.FunAsr;

/// <summary>
/// Speech recognition by a FunASR runtime server (the open-source server Chinese call centers run on GPUs), over its
/// WebSocket protocol in <c>online</c> or <c>2pass</c> mode: one connection per session, partials while the caller
/// speaks, and in 2pass mode each sentence corrected by the offline model as a final result.
/// </summary>
internal sealed class FunAsrRecognizer : ISpeechRecognizer
{
    public FunAsrRecognizer(FunasrAsrOptions options, int sampleRate, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Options = options;
        SampleRate = sampleRate;
        Time = time;
        Backoff = new FunAsrBackoff(time, TimeSpan.FromSeconds(options.RetryInitialSeconds), TimeSpan.FromSeconds(options.RetryMaxSeconds));
    }

    public string Name => "funasr";

    public int SampleRate { get; }

    public bool IsStreaming => true;

    internal FunasrAsrOptions Options { get; }

    internal TimeProvider Time { get; }

    internal FunAsrBackoff Backoff { get; }

    public IRecognitionSession StartSession(RecognitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new FunAsrSession(this, options);
    }

    public void Dispose()
    {
        // Nothing shared to free: each session owns its connection.
    }
}
