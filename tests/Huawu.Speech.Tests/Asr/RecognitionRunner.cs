using Huawu.Speech.Asr;

namespace Huawu.Speech.Tests.Asr;

/// <summary>Streams audio into a session the way a call does, 20 ms at a time, and collects what comes back.</summary>
internal static class RecognitionRunner
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<List<RecognitionResult>> RunAsync(ISpeechRecognizer recognizer, RecognitionOptions options, ReadOnlyMemory<short> audio)
    {
        await using var session = recognizer.StartSession(options);
        Feed(session, audio.Span, recognizer.SampleRate);
        session.Complete();
        return await CollectAsync(session);
    }

    public static void Feed(IRecognitionSession session, ReadOnlySpan<short> audio, int sampleRate)
    {
        var frame = sampleRate / 50;
        for (var offset = 0; offset < audio.Length; offset += frame)
        {
            session.AcceptAudio(audio.Slice(offset, Math.Min(frame, audio.Length - offset)));
        }
    }

    /// <summary>Every result until the session ends; throws what the session ended with.</summary>
    public static async Task<List<RecognitionResult>> CollectAsync(IRecognitionSession session)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var results = new List<RecognitionResult>();
        await foreach (var result in session.Results.ReadAllAsync(timeout.Token)) results.Add(result);
        return results;
    }

    /// <summary>Silence around speech, as a VAD segment carries it.</summary>
    public static short[] Padded(ReadOnlySpan<short> speech, int sampleRate, TimeSpan padding)
    {
        var pad = (int)(sampleRate * padding.TotalSeconds);
        var padded = new short[speech.Length + (2 * pad)];
        speech.CopyTo(padded.AsSpan(pad));
        return padded;
    }
}
