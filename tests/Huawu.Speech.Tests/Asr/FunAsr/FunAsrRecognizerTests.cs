using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Huawu.Speech.Asr;
using Huawu.Speech.Asr.FunAsr;
using Huawu.Speech.Configuration;
using Huawu.Testing;

namespace Huawu.Speech.Tests.Asr.FunAsr;

/// <summary>The FunASR engine against a local server following the runtime's WebSocket protocol (online and 2pass).</summary>
public sealed class FunAsrRecognizerTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private FunAsrTestServer _server = null!;

    public async Task InitializeAsync() => _server = await FunAsrTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_stream_opens_with_the_protocols_json_then_sends_little_endian_pcm_in_60_ms_messages_then_ends_speaking()
    {
        using var engine = Engine();
        var audio = Speech(1, 2, 0, 3);
        await RecognitionRunner.RunAsync(engine, new RecognitionOptions { HotWords = ["阿里巴巴", "达摩院"] }, audio);

        var connection = Assert.Single(_server.Connections);
        var start = connection.Start!;
        Assert.Equal("2pass", (string?)start["mode"]);
        Assert.Equal([5, 10, 5], start["chunk_size"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(10, (int?)start["chunk_interval"]);
        Assert.StartsWith("huawu-", (string?)start["wav_name"], StringComparison.Ordinal);
        Assert.Equal("pcm", (string?)start["wav_format"]);
        Assert.Equal(8000, (int?)start["audio_fs"]);
        Assert.True((bool?)start["is_speaking"]);
        Assert.True((bool?)start["itn"]);
        // Hot words: a JSON object serialized into a string, word → weight.
        var hotWords = JsonNode.Parse((string)start["hotwords"]!)!.AsObject();
        Assert.Equal([("阿里巴巴", 20), ("达摩院", 20)], hotWords.Select(p => (p.Key, (int)p.Value!)));

        // chunk_size[1] × 60 ms / chunk_interval = 60 ms: 480 samples, 960 bytes; the rest in the last message.
        Assert.All(connection.AudioFrames.SkipLast(1), f => Assert.Equal(960, f.Length));
        var sent = connection.AudioFrames.SelectMany(f => f).ToArray();
        Assert.Equal(audio.Length * 2, sent.Length);
        for (var i = 0; i < audio.Length; i++) Assert.Equal(audio[i], BinaryPrimitives.ReadInt16LittleEndian(sent.AsSpan(2 * i)));
        Assert.Equal(["{\"is_speaking\":false}"], connection.TextMessages.Skip(1));
    }

    [Fact]
    public async Task In_2pass_mode_streaming_pieces_are_partials_of_the_sentence_and_each_corrected_sentence_is_a_final()
    {
        using var engine = Engine();
        var results = await RecognitionRunner.RunAsync(engine, new RecognitionOptions(), Speech(1, 2, 0, 3));
        Assert.Equal(
            [("一", false), ("一二", false), ("一二。", true), ("三", false), ("三。", true)],
            results.Select(r => (r.Text, r.IsFinal)));
        // Times: the first sentence spans the audio sent before its correction; the next starts where it ended.
        Assert.Equal(TimeSpan.Zero, results[2].Start);
        Assert.True(results[2].End >= TimeSpan.FromMilliseconds(200));
        Assert.Equal(results[2].End, results[3].Start);
    }

    [Fact]
    public async Task In_online_mode_the_pieces_make_the_final_when_the_server_marks_the_end()
    {
        using var engine = Engine(o => o.Mode = "online");
        var results = await RecognitionRunner.RunAsync(engine, new RecognitionOptions(), Speech(4, 5, 6));
        Assert.Equal([("四", false), ("四五", false), ("四五六", false), ("四五六", true)], results.Select(r => (r.Text, r.IsFinal)));
        Assert.Equal("online", (string?)_server.Connections.Single().Start!["mode"]);
    }

    [Fact]
    public async Task Silence_gives_one_empty_final_result()
    {
        using var engine = Engine();
        var results = await RecognitionRunner.RunAsync(engine, new RecognitionOptions(), Speech(0, 0));
        Assert.Equal([("", true)], results.Select(r => (r.Text, r.IsFinal)));
    }

    [Fact]
    public async Task A_server_closing_the_stream_before_the_final_result_fails_the_session_with_its_reason()
    {
        _server.Behavior = async c =>
        {
            await c.ReceiveStartAsync();
            await c.ReceiveAsync();
            await c.CloseAsync(WebSocketCloseStatus.InternalServerError, "decoder crashed");
        };
        using var engine = Engine();
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(engine, new(), Speech(1, 2, 3)));
        Assert.Contains("closed it (InternalServerError decoder crashed)", failure.Message);
        Assert.Contains(_server.Url.ToString(), failure.Message);
    }

    [Fact]
    public async Task A_connection_dropped_mid_stream_fails_the_session_while_audio_still_flows()
    {
        _server.Behavior = async c =>
        {
            await c.ReceiveStartAsync();
            await c.ReceiveAsync();
            c.Abort();
        };
        using var engine = Engine();
        await using var session = engine.StartSession(new RecognitionOptions());
        RecognitionRunner.Feed(session, Speech(1, 2), 8000);
        // No Complete: the reader learns of the loss without waiting for the end of the audio.
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.CollectAsync(session));
        Assert.Contains("was lost before the final result", failure.Message);
    }

    [Fact]
    public async Task A_message_outside_the_protocol_fails_the_session()
    {
        _server.Behavior = async c =>
        {
            await c.ReceiveStartAsync();
            await c.SendTextAsync("<html>502 Bad Gateway</html>");
            await c.ReceiveUntilEndAsync();
        };
        using var engine = Engine();
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(engine, new(), Speech(1)));
        Assert.Contains("outside its protocol", failure.Message);
        Assert.Contains("502 Bad Gateway", failure.Message);
    }

    [Fact]
    public async Task A_server_that_never_answers_the_end_of_speech_times_out_on_the_engines_clock()
    {
        _server.Behavior = async c =>
        {
            await c.ReceiveStartAsync();
            await c.ReceiveUntilEndAsync();
            await c.ReceiveAsync();
        };
        using var engine = Engine();
        await using var session = engine.StartSession(new RecognitionOptions());
        RecognitionRunner.Feed(session, Speech(1), 8000);
        session.Complete();
        await WaitUntil(() => _server.Connections.SingleOrDefault()?.TextMessages.Count == 2);
        await Task.Delay(50);
        Assert.False(session.Results.Completion.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(10));
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.CollectAsync(session));
        Assert.Contains("sent no result within 10 s", failure.Message);
    }

    [Fact]
    public async Task After_a_failed_connection_sessions_fail_at_once_until_the_backoff_passes_then_reconnect()
    {
        _server.Refuse = true;
        using var engine = Engine();
        var first = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(engine, new(), Speech(1)));
        Assert.Contains("cannot connect to FunASR", first.Message);
        Assert.Contains("503", first.Message);
        Assert.Equal(1, _server.Attempts);

        // The server is back, but within the backoff (1 s) sessions do not try.
        _server.Refuse = false;
        var second = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(engine, new(), Speech(1)));
        Assert.Contains("unavailable: 1 failed attempt(s)", second.Message);
        Assert.Equal(1, _server.Attempts);

        _time.Advance(TimeSpan.FromSeconds(1));
        var results = await RecognitionRunner.RunAsync(engine, new(), Speech(7));
        Assert.Equal("七。", results[^1].Text);
        Assert.Equal(2, _server.Attempts);
    }

    [Fact]
    public async Task The_backoff_doubles_with_each_failure_and_a_lost_connection_counts_as_one()
    {
        _server.Behavior = async c =>
        {
            await c.ReceiveStartAsync();
            c.Abort();
        };
        using var engine = Engine();
        await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(engine, new(), Speech(1, 2)));
        _time.Advance(TimeSpan.FromSeconds(1));
        _server.Refuse = true;
        await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(engine, new(), Speech(1)));
        Assert.Equal(2, _server.Attempts);
        // Two failures: 2 s. One second is not enough.
        _time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(engine, new(), Speech(1)));
        Assert.Equal(2, _server.Attempts);
        _time.Advance(TimeSpan.FromSeconds(1));
        _server.Refuse = false;
        _server.Behavior = FunAsrTestServer.Recognize2Pass;
        Assert.Equal("八。", (await RecognitionRunner.RunAsync(engine, new(), Speech(8)))[^1].Text);
    }

    private FunAsrRecognizer Engine(Action<FunasrAsrOptions>? configure = null)
    {
        var options = new FunasrAsrOptions { Url = _server.Url.ToString() };
        configure?.Invoke(options);
        Assert.Empty(options.Validate());
        return new FunAsrRecognizer(options, 8000, _time);
    }

    /// <summary>The test server's synthetic speech: 100 ms (800 samples at 8 kHz) of value k × 1000 per digit k; 0 is a pause.</summary>
    private static short[] Speech(params int[] digits) =>
        digits.SelectMany(d => Enumerable.Repeat((short)(d * 1000), 800)).ToArray();

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
