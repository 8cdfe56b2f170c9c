using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Http;
using Huawu.Speech.Tts.Ssml;
using Reply = Huawu.Speech.Tests.Tts.OpenAiSpeechServer.Reply;

namespace Huawu.Speech.Tests.Tts;

/// <summary>The <c>http</c> engine against a local server that follows the OpenAI speech API.</summary>
public sealed class OpenAiSpeechEngineTests : IAsyncLifetime
{
    private OpenAiSpeechServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiSpeechServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Posts_the_API_request_and_streams_the_PCM_as_it_arrives()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Then(new Reply.Audio(HoldAfterFirstChunk: hold));
        using var engine = Engine();

        await using var audio = engine.SynthesizeAsync(SpeechText.Plain("Hello there."), "alloy").GetAsyncEnumerator();
        // The first chunk arrives while the server still holds the rest of the body (after its first 2400 samples).
        Assert.True(await audio.MoveNextAsync());
        Assert.InRange(audio.Current.Samples.Length, 1, 2400);
        Assert.Equal(OpenAiSpeechServer.Rate, audio.Current.SampleRate);
        var samples = new List<short>(audio.Current.Samples);
        hold.SetResult();
        while (await audio.MoveNextAsync()) samples.AddRange(audio.Current.Samples);

        Assert.Equal(OpenAiSpeechServer.AudioFor("Hello there."), samples);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("Bearer " + OpenAiSpeechServer.Key, "tts-1", "alloy", "Hello there.", "pcm"),
            (request.Authorization, request.Model, request.Voice, request.Input, request.Format));
    }

    [Fact]
    public async Task Each_sentence_is_a_request_and_breaks_are_silence_between_them()
    {
        using var engine = Engine(language: "zh");
        var (samples, rate, _) = await AudioMeasure.CollectAsync(engine.SynthesizeAsync(
            SsmlParser.Parse("<speak>您好。<break time=\"250ms\"/>号码<say-as interpret-as=\"digits\">12</say-as>。</speak>"), "alloy"));
        Assert.Equal(["您好。", "号码一二。"], _server.Requests.Select(r => r.Input));
        Assert.Equal(24000, rate);
        Assert.Equal([.. OpenAiSpeechServer.AudioFor("您好。"), .. new short[6000], .. OpenAiSpeechServer.AudioFor("号码一二。")], samples);
    }

    [Fact]
    public async Task A_refused_key_fails_at_once_with_the_servers_reason()
    {
        using var engine = Engine(key: "sk-wrong");
        var error = await Assert.ThrowsAsync<SpeechEngineException>(() => Collect(engine));
        Assert.Contains("refused the API key (401): Incorrect API key provided: Bearer sk-wrong.", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Rate_limited_requests_are_retried_after_the_servers_Retry_After()
    {
        _server.Then(new Reply.Status(429, "Rate limit reached for requests", RetryAfter: "1"));
        using var engine = Engine();
        Assert.Equal(OpenAiSpeechServer.AudioFor("Hi."), await Collect(engine));
        var requests = _server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), "waited for Retry-After");
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_allowed_wait_fails_instead_of_waiting()
    {
        _server.Then(new Reply.Status(429, "Rate limit reached for requests", RetryAfter: "60"));
        using var engine = Engine();
        var error = await Assert.ThrowsAsync<SpeechEngineException>(() => Collect(engine));
        Assert.Contains("rate limited (429): Rate limit reached for requests; the server asks to wait 60 s, longer than the 2 s allowed", error.Message,
            StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_reported_with_the_attempts()
    {
        const string Sorry = "The server had an error while processing your request. Sorry about that!";
        _server.Then(new Reply.Status(500, Sorry), new Reply.Status(503, Sorry));
        using var engine = Engine();
        Assert.Equal(OpenAiSpeechServer.AudioFor("Hi."), await Collect(engine));
        Assert.Equal(3, _server.Requests.Count);

        _server.Then(new Reply.Status(500, Sorry), new Reply.Status(500, Sorry), new Reply.Status(502, Sorry));
        var error = await Assert.ThrowsAsync<SpeechEngineException>(() => Collect(engine));
        Assert.EndsWith($"/v1/audio/speech: server error (502): {Sorry} (attempt 3 of 3).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_first_byte_is_abandoned_and_retried()
    {
        _server.Then(new Reply.Audio(FirstByteDelay: TimeSpan.FromSeconds(60)), new Reply.Audio(FirstByteDelay: TimeSpan.FromSeconds(60), HeadersFirst: true));
        using var engine = Engine(firstByteSeconds: 1.5);
        Assert.Equal(OpenAiSpeechServer.AudioFor("Hi."), await Collect(engine));
        var requests = _server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        await WaitUntil(() => requests[0].Aborted && requests[1].Aborted);

        _server.Then(Enumerable.Repeat<Reply>(new Reply.Audio(FirstByteDelay: TimeSpan.FromSeconds(60)), 3).ToArray());
        var error = await Assert.ThrowsAsync<SpeechEngineException>(() => Collect(engine));
        Assert.Contains("no response within 1.5 s (attempt 3 of 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_dropped_mid_stream_fails_after_the_audio_already_delivered()
    {
        // The server sends 100 ms of audio, waits until the caller has it, then drops the connection.
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Then(new Reply.Audio(HoldAfterFirstChunk: delivered, DropAfterBytes: 4800));
        using var engine = Engine();
        var heard = new List<short>();
        var error = await Assert.ThrowsAsync<SpeechEngineException>(async () =>
        {
            await foreach (var chunk in engine.SynthesizeAsync(SpeechText.Plain("Hello there."), "alloy"))
            {
                heard.AddRange(chunk.Samples);
                if (heard.Count == 2400) delivered.TrySetResult();
            }
        });
        Assert.Equal(OpenAiSpeechServer.AudioFor("Hello there.")[..2400], heard);
        Assert.Contains("the connection dropped after 0.1 s of audio", error.Message, StringComparison.Ordinal);
        // Not retried: the caller already heard the first words.
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_connection_dropped_before_any_audio_is_retried()
    {
        _server.Then(new Reply.Audio(DropAfterBytes: 0, HeadersFirst: true));
        using var engine = Engine();
        Assert.Equal(OpenAiSpeechServer.AudioFor("Hi."), await Collect(engine));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Other_client_errors_are_not_retried()
    {
        _server.Then(new Reply.Status(400, "Invalid voice 'nobody'."));
        using var engine = Engine();
        var error = await Assert.ThrowsAsync<SpeechEngineException>(() => Collect(engine));
        Assert.Contains("the server rejected the request (400): Invalid voice 'nobody'.", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task WAV_responses_are_read_from_their_header_and_converted_to_the_engines_rate()
    {
        _server.Then(new Reply.Audio(ChunkBytes: 1001, WavRate: 16000));
        using var engine = Engine(format: "wav");
        var samples = await Collect(engine);
        Assert.Equal("wav", Assert.Single(_server.Requests).Format);
        // 3 characters at 1200 samples, sent as 16 kHz: 3600 samples become 5400 at 24 kHz.
        Assert.InRange(samples.Length, 5399, 5401);
        Assert.True(AudioMeasure.Rms(samples) > 3000);
    }

    [Fact]
    public async Task Cancelling_aborts_the_request()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Then(new Reply.Audio(HoldAfterFirstChunk: hold));
        using var engine = Engine();
        using var bargeIn = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in engine.SynthesizeAsync(SpeechText.Plain("Hello there."), "alloy", bargeIn.Token)) await bargeIn.CancelAsync();
        });
        await WaitUntil(() => Assert.Single(_server.Requests).Aborted);
    }

    // A generous first-byte timeout except where slowness is the point: a loaded machine must not turn into retries.
    private OpenAiSpeechEngine Engine(string key = OpenAiSpeechServer.Key, string format = "pcm", string language = "en", double firstByteSeconds = 20) =>
        new(new OpenAiSpeechOptions
        {
            BaseUrl = _server.BaseUrl,
            Model = "tts-1",
            ApiKey = key,
            Voices = ["alloy", "nova"],
            Language = language,
            ResponseFormat = format,
            FirstByteTimeout = TimeSpan.FromSeconds(firstByteSeconds),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
        });

    private static async Task<short[]> Collect(OpenAiSpeechEngine engine) =>
        (await AudioMeasure.CollectAsync(engine.SynthesizeAsync(SpeechText.Plain("Hi."), "alloy"))).Samples;

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
