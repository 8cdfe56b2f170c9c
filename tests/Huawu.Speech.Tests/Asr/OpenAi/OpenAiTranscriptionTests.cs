using Huawu.Media.Audio;
using Huawu.Speech.Asr;
using Huawu.Speech.Asr.OpenAi;
using Huawu.Speech.Configuration;
using Huawu.Testing;

namespace Huawu.Speech.Tests.Asr.OpenAi;

/// <summary>The OpenAI-compatible engine against a local transcription endpoint: the request, the answers, the failures.</summary>
public sealed class OpenAiTranscriptionTests : IAsyncLifetime
{
    private const string KeyVariable = "HUAWU_TEST_TRANSCRIPTION_KEY";
    private readonly ManualTimeProvider _time = new();
    private TranscriptionTestServer _server = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(KeyVariable, "sk-test-123");
        _server = await TranscriptionTestServer.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_segment_goes_up_as_a_wav_file_with_the_model_and_language_and_its_text_is_the_one_final_result()
    {
        _server.Answer(200, """{"text":" 你好，请问有什么可以帮您？ "}""");
        using var engine = Engine();
        var audio = Tone(8000 * 3 / 2);
        var results = await RecognitionRunner.RunAsync(engine, new RecognitionOptions { Language = "zh-CN", HotWords = ["话务", "坐席"] }, audio);

        Assert.Equal([new RecognitionResult("你好，请问有什么可以帮您？", true, TimeSpan.Zero, TimeSpan.FromSeconds(1.5))], results);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/audio/transcriptions", request.Path);
        Assert.Equal("Bearer sk-test-123", request.Authorization);
        Assert.Equal("whisper-1", request.Fields["model"]);
        Assert.Equal("zh", request.Fields["language"]);
        Assert.Equal("json", request.Fields["response_format"]);
        Assert.Equal("话务, 坐席", request.Fields["prompt"]);
        Assert.Equal(("segment.wav", "audio/wav"), (request.FileName, request.FileType));
        Assert.Equal(WavStatus.Ok, AudioClip.TryLoad(new MemoryStream(request.File), out var clip));
        Assert.Equal(8000, clip!.SampleRate);
        Assert.Equal(audio, clip.Samples.ToArray());
    }

    [Fact]
    public async Task Verbose_json_gives_the_language_the_span_and_a_confidence()
    {
        _server.Answer(200, """
            {"task":"transcribe","language":"english","duration":2.0,"text":"Yes, please.",
             "segments":[{"id":0,"start":0.32,"end":0.9,"text":"Yes,","avg_logprob":-0.1},{"id":1,"start":0.9,"end":1.64,"text":" please.","avg_logprob":-0.3}]}
            """);
        using var engine = Engine(o => o.ResponseFormat = "verbose_json");
        var result = Assert.Single(await RecognitionRunner.RunAsync(engine, new RecognitionOptions(), Tone(16000)));
        Assert.Equal("verbose_json", _server.Requests.Single().Fields["response_format"]);
        Assert.Equal(("Yes, please.", "english"), (result.Text, result.Language));
        Assert.Equal((TimeSpan.FromSeconds(0.32), TimeSpan.FromSeconds(1.64)), (result.Start, result.End));
        Assert.Equal(Math.Exp(-0.2), result.Confidence!.Value, 4);
        Assert.False(_server.Requests.Single().Fields.ContainsKey("language"));
    }

    [Fact]
    public async Task A_400_fails_at_once_with_the_servers_error_message()
    {
        _server.Answer(400, """{"error":{"message":"Invalid file format. Supported formats: ['flac', 'mp3', 'wav']","type":"invalid_request_error","param":null,"code":null}}""");
        using var engine = Engine();
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(engine, new(), Tone(800)));
        Assert.Contains("refused the request (400): Invalid file format.", failure.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_401_names_the_variable_the_key_came_from()
    {
        _server.Answer(401, """{"error":{"message":"Incorrect API key provided: sk-test-***123.","type":"invalid_request_error"}}""");
        using var engine = Engine();
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(engine, new(), Tone(800)));
        Assert.Contains("(401): Incorrect API key provided", failure.Message);
        Assert.Contains($"environment variable {KeyVariable}", failure.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_servers_retry_after_on_the_engines_clock()
    {
        _server.Answer(429, """{"error":{"message":"Rate limit reached","type":"requests"}}""", retryAfter: "3");
        _server.Answer(200, """{"text":"ok"}""");
        using var engine = Engine();
        await using var session = engine.StartSession(new RecognitionOptions());
        session.AcceptAudio(Tone(800));
        session.Complete();
        await WaitUntil(() => _server.Requests.Count == 1);
        var waited = await AdvanceUntil(() => _server.Requests.Count == 2);
        Assert.InRange(waited, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));
        Assert.Equal("ok", Assert.Single(await RecognitionRunner.CollectAsync(session)).Text);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_configured_limit_fails_instead_of_waiting()
    {
        _server.Answer(429, """{"error":{"message":"Rate limit reached"}}""", retryAfter: "60");
        using var engine = Engine();
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(engine, new(), Tone(800)));
        Assert.Contains("asks to wait 60 s, longer than speech.asr.openai.max_retry_delay_seconds (10 s)", failure.Message);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_doubling_waits_and_fail_when_the_retries_run_out()
    {
        for (var i = 0; i < 3; i++) _server.Answer(500, """{"detail":"CUDA out of memory"}""");
        using var engine = Engine();
        await using var session = engine.StartSession(new RecognitionOptions());
        session.AcceptAudio(Tone(800));
        session.Complete();
        await WaitUntil(() => _server.Requests.Count == 1);
        Assert.InRange(await AdvanceUntil(() => _server.Requests.Count == 2), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2));
        Assert.InRange(await AdvanceUntil(() => _server.Requests.Count == 3), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.CollectAsync(session));
        Assert.Contains("failed (500) 3 time(s): CUDA out of memory", failure.Message);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_times_out_and_the_request_is_abandoned()
    {
        var aborted = _server.AnswerNever();
        using var engine = Engine();
        await using var session = engine.StartSession(new RecognitionOptions());
        session.AcceptAudio(Tone(800));
        session.Complete();
        await WaitUntil(() => _server.Requests.Count == 1);
        _time.Advance(TimeSpan.FromSeconds(30));
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.CollectAsync(session));
        Assert.Contains("did not answer within 30 s", failure.Message);
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_key_variable_that_is_not_set_is_a_configuration_error()
    {
        var options = new OpenaiAsrOptions { ApiKeyEnv = "HUAWU_TEST_UNSET_VARIABLE" };
        Assert.Null(OpenAiTranscriptionRecognizer.TryCreate(options, 8000, _time, out var error));
        Assert.Contains("HUAWU_TEST_UNSET_VARIABLE is not set", error);
    }

    private OpenAiTranscriptionRecognizer Engine(Action<OpenaiAsrOptions>? configure = null)
    {
        var options = new OpenaiAsrOptions { BaseUrl = _server.BaseUrl.ToString(), ApiKeyEnv = KeyVariable };
        configure?.Invoke(options);
        Assert.Empty(options.Validate());
        return OpenAiTranscriptionRecognizer.TryCreate(options, 8000, _time, out var error) ?? throw new InvalidOperationException(error);
    }

    private static short[] Tone(int samples) => Enumerable.Range(0, samples).Select(i => (short)(8000 * Math.Sin(i * 0.3))).ToArray();

    /// <summary>
    /// Moves the engine's clock on in small steps until <paramref name="condition"/> holds, and says how far. The client
    /// arms its wait at some point after the server answered, so the distance is at least the wait, never less.
    /// </summary>
    private async Task<TimeSpan> AdvanceUntil(Func<bool> condition)
    {
        var step = TimeSpan.FromMilliseconds(100);
        var advanced = TimeSpan.Zero;
        for (var i = 0; i < 200 && !condition(); i++)
        {
            _time.Advance(step);
            advanced += step;
            for (var j = 0; j < 5 && !condition(); j++) await Task.Delay(10);
        }
        Assert.True(condition());
        return advanced;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
