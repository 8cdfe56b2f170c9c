using MediaG711 = Huawu.Media.Codecs.G711;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Huawu.Media.Audio;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.Wire;
using static Huawu.Interop.Tests.Calls.ServeCommandTests;

namespace Huawu.Interop.Tests.Calls;

/// <summary>
/// <c>huawu serve</c> with <c>recording: {mode: all}</c>, called by SIPp: the call reaches the store and the API, and its
/// recording is encrypted on disk yet plays back (decrypted by the API) with the echoed speech on both channels.
/// </summary>
public sealed class CallRecordsInteropTests
{
    private const string Password = "correct horse battery";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_sipp_call_to_echo_is_listed_with_its_duration_and_cause_and_its_encrypted_recording_plays_both_sides_of_the_speech()
    {
        var ports = PortBlock.Allocate(48);
        var sipPort = ports.Take();
        var httpPort = ports.Take();
        var rtp = ports.Take(16);
        using var files = PeerDirectory.Create("records");
        var data = files.Folder("data");
        var config = files.File("huawu.yaml");
        await File.WriteAllTextAsync(config,
            "trunks:\n  - { name: loopback, host: 127.0.0.1, port: 5060, options_interval_seconds: 0 }\nrecording:\n  mode: all\n");
        await AddAdminAsync(data);
        await using var node = PeerProcess.Start("dotnet",
        [
            ServerAssembly(), "serve", "--config", config, "--data", data,
            "--sip-port", Invariant(sipPort), "--rtp-ports", $"{Invariant(rtp)}-{Invariant(rtp + 15)}", "--http-port", Invariant(httpPort),
        ]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Invariant(httpPort)}") };
        await WaitUntilReadyAsync(http, node);
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        var mediaPort = ports.Take(4);

        var call = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacCallMedia(),
            Remote = $"127.0.0.1:{Invariant(sipPort)}",
            Service = "echo",
            LocalPort = ports.Take(),
            MediaPort = mediaPort,
            MaxCalls = 1,
            GlobalTimeout = Patience,
        }, Patience + TimeSpan.FromSeconds(5));
        Assert.True(call.AllCallsSucceeded, call.Describe() + "\n" + node.Describe());
        var played = Assert.Single(RtpStreams.From(await capture.StopAsync()).SentFrom(mediaPort).Carrying(8)).Payload(8);

        await SignInAsync(http);
        var listed = Assert.Single((await GetAsync(http, "/api/v1/calls")).GetProperty("items").EnumerateArray());
        Assert.Equal(("inbound", "NormalClearing"), (listed.GetProperty("direction").GetString(), listed.GetProperty("hangupCause").GetString()));
        var talked = listed.GetProperty("endedAt").GetDateTimeOffset() - listed.GetProperty("answeredAt").GetDateTimeOffset();
        Assert.InRange(talked, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(10));
        // SIPp hung up (its BYE): the far side of the call's leg. The talk time reports read is the same span, to the
        // millisecond (times and durations are each stored in whole milliseconds).
        Assert.Equal("remote", listed.GetProperty("hangupSide").GetString());
        Assert.InRange(listed.GetProperty("talkSeconds").GetDouble(), talked.TotalSeconds - 0.0011, talked.TotalSeconds + 0.0011);
        var recording = await CompletedRecordingAsync(http, listed.GetProperty("id").GetInt64(), node);
        Assert.Equal((2, 8000), (recording.GetProperty("channels").GetInt32(), recording.GetProperty("sampleRate").GetInt32()));

        var wav = await http.GetByteArrayAsync(new Uri($"/api/v1/recordings/{recording.GetProperty("id").GetInt64()}/audio", UriKind.Relative));
        var (left, right) = Channels(wav);
        // Left is what SIPp sent, right what echo sent back: the same speech, found window by window in the A-law SIPp played.
        var received = EchoMatch.Find(played, ALaw(left));
        var echoed = EchoMatch.Find(played, ALaw(right));
        Assert.True(received.FoundFraction > 0.8, $"left (received): {received}");
        Assert.True(echoed.FoundFraction > 0.8, $"right (echoed): {echoed}");

        // On disk the recording is sealed chunks: no run of its audio appears in the file.
        var pcm = wav.AsSpan(44).ToArray();
        var file = await File.ReadAllBytesAsync(Directory.GetFiles(Path.Combine(data, "recordings"), "*.hwra", SearchOption.AllDirectories).Single());
        Assert.True(pcm.Length > 100_000, $"{pcm.Length} bytes of audio");
        for (var offset = 0; offset + 32 <= pcm.Length; offset += 1009)
        {
            Assert.True(file.AsSpan().IndexOf(pcm.AsSpan(offset, 32)) < 0, $"plain audio from byte {offset} is in the file");
        }

        await using (var kill = PeerProcess.Start("kill", ["-TERM", Invariant(node.Id)])) await kill.WaitForExitAsync(Patience);
        Assert.Equal(0, await node.WaitForExitAsync(Patience));
    }

    internal static async Task AddAdminAsync(string data)
    {
        await using var add = PeerProcess.Start("dotnet", [ServerAssembly(), "user", "add", "root", "--role", "admin", "--data", data], redirectInput: true);
        await add.WriteLineAsync(Password);
        Assert.True(await add.WaitForExitAsync(Patience) == 0, add.Describe());
    }

    internal static async Task SignInAsync(HttpClient http)
    {
        using var signIn = await http.PostAsJsonAsync(new Uri("/api/v1/session", UriKind.Relative), new { username = "root", password = Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        http.DefaultRequestHeaders.Add("Cookie", signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
    }

    internal static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The call's recording once sealed (after the hang-up, in the background).</summary>
    private static async Task<JsonElement> CompletedRecordingAsync(HttpClient http, long callId, PeerProcess node)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var recordings = (await GetAsync(http, $"/api/v1/calls/{callId}/recordings")).GetProperty("items");
            if (recordings.GetArrayLength() == 1 && recordings[0].GetProperty("completedAt").ValueKind != JsonValueKind.Null) return recordings[0];
            await Task.Delay(100);
        }
        Assert.Fail($"call {callId} has no sealed recording\n{node.Describe()}");
        return default;
    }

    private static (short[] Left, short[] Right) Channels(byte[] wav)
    {
        Assert.Equal(WavStatus.Ok, WavReader.TryOpen(new MemoryStream(wav), out var reader));
        using (reader)
        {
            Assert.Equal(2, reader!.Format.Channels);
            var all = new short[reader.SampleCount];
            var read = 0;
            int count;
            while ((count = reader.Read(all.AsSpan(read))) > 0) read += count;
            return ([.. all.Where((_, i) => i % 2 == 0)], [.. all.Where((_, i) => i % 2 == 1)]);
        }
    }

    private static byte[] ALaw(short[] samples)
    {
        var codes = new byte[samples.Length];
        MediaG711.EncodeALaw(samples, codes);
        return codes;
    }
}
