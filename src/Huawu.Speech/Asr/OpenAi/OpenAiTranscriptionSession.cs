using Huawu.Media.Audio;

namespace Huawu.Speech.Asr.OpenAi;

/// <summary>
/// One segment (a VAD-cut utterance) for the transcription API: the audio collects while it arrives and goes up as a
/// WAV file when the segment ends; the answer is the one final result.
/// </summary>
internal sealed class OpenAiTranscriptionSession : QueuedRecognitionSession
{
    private readonly OpenAiTranscriptionClient _client;
    private readonly RecognitionOptions _options;
    private short[] _audio = new short[8000];
    private int _length;

    public OpenAiTranscriptionSession(OpenAiTranscriptionClient client, RecognitionOptions options, int sampleRate) : base(sampleRate)
    {
        _client = client;
        _options = options;
        Run();
    }

    protected override ValueTask ProcessAsync(ReadOnlyMemory<short> samples, CancellationToken cancellation)
    {
        if (_length + samples.Length > _audio.Length) Array.Resize(ref _audio, Math.Max(_audio.Length * 2, _length + samples.Length));
        samples.Span.CopyTo(_audio.AsSpan(_length));
        _length += samples.Length;
        return ValueTask.CompletedTask;
    }

    protected override async Task FinishAsync(CancellationToken cancellation)
    {
        if (_length == 0)
        {
            Publish(new RecognitionResult("", true, TimeSpan.Zero, TimeSpan.Zero));
            return;
        }
        using var wav = new MemoryStream(44 + (2 * _length));
        using (var writer = new WavWriter(wav, SampleRate, channels: 1, leaveOpen: true)) writer.Write(_audio.AsSpan(0, _length));
        Publish(await _client.TranscribeAsync(wav.ToArray(), AudioPosition, _options, cancellation));
    }
}
