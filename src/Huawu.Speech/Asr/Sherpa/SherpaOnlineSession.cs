using System.Runtime.InteropServices;
using Huawu.Speech.Native;

namespace Huawu.Speech.Asr.Sherpa;

/// <summary>
/// One stream on a streaming sherpa-onnx model. After each block the stream decodes what is ready; a changed text is a
/// partial, and an endpoint (sherpa-onnx's trailing-silence and length rules) makes it final and starts the next
/// utterance on the same stream. When the audio ends, what is left becomes the last final result (an empty one if
/// the session produced none).
/// </summary>
internal sealed unsafe class SherpaOnlineSession : QueuedRecognitionSession
{
    /// <summary>
    /// The model decodes in chunks; the last words sit in a chunk that only fills up with more audio, so silence is
    /// appended before the input ends (sherpa-onnx's own examples pad 0.3 to 0.66 s).
    /// </summary>
    private static readonly float[] TailPadding = SherpaAudio.Silence(TimeSpan.FromMilliseconds(500));

    private readonly SherpaRecognizerHandle _recognizer;
    private readonly string? _hotWords;
    private readonly SherpaAudio _audio;
    private readonly bool _referenced;
    private IntPtr _stream;
    private string _partial = "";
    private TimeSpan _utteranceStart;
    private bool _publishedFinal;

    public SherpaOnlineSession(SherpaRecognizerHandle recognizer, string? hotWords, int sampleRate) : base(sampleRate)
    {
        _recognizer = recognizer;
        _hotWords = hotWords;
        _audio = new SherpaAudio(sampleRate);
        recognizer.DangerousAddRef(ref _referenced);
        Run();
    }

    private IntPtr Recognizer => _recognizer.DangerousGetHandle();

    protected override Task StartAsync(CancellationToken cancellation)
    {
        _stream = _hotWords is null
            ? SherpaOnnxNative.SherpaOnnxCreateOnlineStream(Recognizer)
            : SherpaOnnxNative.SherpaOnnxCreateOnlineStreamWithHotwords(Recognizer, _hotWords);
        if (_stream == IntPtr.Zero) throw new SpeechEngineException("sherpa-onnx could not create a recognition stream");
        return Task.CompletedTask;
    }

    protected override ValueTask ProcessAsync(ReadOnlyMemory<short> samples, CancellationToken cancellation)
    {
        Accept(_audio.Convert(samples.Span));
        var position = AudioPosition + SamplesToTime(samples.Length);
        if (!DecodeReady()) return ValueTask.CompletedTask;
        if (SherpaOnnxNative.SherpaOnnxOnlineStreamIsEndpoint(Recognizer, _stream) != 0)
        {
            var text = Text();
            if (text.Length > 0) PublishFinal(text, position);
            SherpaOnnxNative.SherpaOnnxOnlineStreamReset(Recognizer, _stream);
            _utteranceStart = position;
            _partial = "";
            return ValueTask.CompletedTask;
        }
        var partial = Text();
        if (partial.Length > 0 && partial != _partial)
        {
            _partial = partial;
            Publish(new RecognitionResult(partial, IsFinal: false, _utteranceStart, position));
        }
        return ValueTask.CompletedTask;
    }

    protected override Task FinishAsync(CancellationToken cancellation)
    {
        Accept(TailPadding);
        SherpaOnnxNative.SherpaOnnxOnlineStreamInputFinished(_stream);
        DecodeReady();
        var text = Text();
        if (text.Length > 0 || !_publishedFinal) PublishFinal(text, AudioPosition);
        return Task.CompletedTask;
    }

    protected override ValueTask ReleaseAsync()
    {
        if (_stream != IntPtr.Zero) SherpaOnnxNative.SherpaOnnxDestroyOnlineStream(_stream);
        if (_referenced) _recognizer.DangerousRelease();
        return ValueTask.CompletedTask;
    }

    private void Accept(ReadOnlySpan<float> samples)
    {
        fixed (float* pointer = samples)
        {
            SherpaOnnxNative.SherpaOnnxOnlineStreamAcceptWaveform(_stream, SherpaRecognizerConfig.ModelSampleRate, pointer, samples.Length);
        }
    }

    /// <summary>Decodes every chunk the stream has ready; true when at least one was.</summary>
    private bool DecodeReady()
    {
        var decoded = false;
        while (SherpaOnnxNative.SherpaOnnxIsOnlineStreamReady(Recognizer, _stream) != 0)
        {
            SherpaOnnxNative.SherpaOnnxDecodeOnlineStream(Recognizer, _stream);
            decoded = true;
        }
        return decoded;
    }

    private string Text()
    {
        var result = SherpaOnnxNative.SherpaOnnxGetOnlineStreamResult(Recognizer, _stream);
        try
        {
            return result is null ? "" : (Marshal.PtrToStringUTF8(result->Text) ?? "").Trim();
        }
        finally
        {
            if (result is not null) SherpaOnnxNative.SherpaOnnxDestroyOnlineRecognizerResult(result);
        }
    }

    private void PublishFinal(string text, TimeSpan end)
    {
        Publish(new RecognitionResult(text, IsFinal: true, _utteranceStart, end));
        _publishedFinal = true;
    }
}
