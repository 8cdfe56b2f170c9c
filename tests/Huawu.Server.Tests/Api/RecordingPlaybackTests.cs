using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Huawu.Server.Tests.Api.Support;

namespace Huawu.Server.Tests.Api;

/// <summary>Playback of encrypted recordings as WAV, with HTTP range requests (RFC 9110 §14).</summary>
public sealed class RecordingPlaybackTests
{
    private const int WavHeaderBytes = 44;

    [Fact]
    public async Task The_whole_recording_plays_as_pcm_wav_with_its_exact_audio()
    {
        await using var host = await ApiHost.StartAsync();
        var response = await host.ClientFor("quality_auditor").GetAsync($"/api/v1/recordings/{host.World.Recording}/audio");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bytes", Assert.Single(response.Headers.AcceptRanges));
        var wav = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(WavHeaderBytes + host.World.RecordingBytes, wav.Length);
        Assert.Equal("RIFF"u8.ToArray(), wav[..4]);
        Assert.Equal((uint)(wav.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(4)));
        Assert.Equal("WAVEfmt "u8.ToArray(), wav[8..16]);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(20)));    // PCM
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(22)));    // mono
        Assert.Equal(8000u, BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(24)));
        Assert.Equal(16000u, BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(28))); // bytes per second
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(34)));   // bits per sample
        Assert.Equal("data"u8.ToArray(), wav[36..40]);
        Assert.Equal((uint)host.World.RecordingBytes, BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(40)));
        Assert.Equal(ApiWorld.RecordingAudio(), wav[WavHeaderBytes..]);
    }

    [Theory]
    [InlineData(0L, 99L)]
    [InlineData(40L, 47L)]          // across the end of the header into the audio
    [InlineData(10_000L, 16_043L)]  // to the last byte
    public async Task A_range_answers_206_with_just_those_bytes(long from, long to)
    {
        await using var host = await ApiHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/recordings/{host.World.Recording}/audio");
        request.Headers.Range = new RangeHeaderValue(from, to);
        var response = await host.ClientFor("supervisor").SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        var total = WavHeaderBytes + host.World.RecordingBytes;
        Assert.Equal(new ContentRangeHeaderValue(from, to, total), response.Content.Headers.ContentRange);
        var whole = await (await host.ClientFor("supervisor").GetAsync($"/api/v1/recordings/{host.World.Recording}/audio")).Content.ReadAsByteArrayAsync();
        Assert.Equal(whole[(int)from..(int)(to + 1)], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_beyond_the_end_is_416()
    {
        await using var host = await ApiHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/recordings/{host.World.Recording}/audio");
        request.Headers.Range = new RangeHeaderValue(1_000_000, null);
        var response = await host.ClientFor("admin").SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
    }

    [Fact]
    public async Task A_recording_still_being_made_cannot_be_played()
    {
        await using var host = await ApiHost.StartAsync();
        await using var writer = (await host.Store.Recordings.StartAsync(host.World.CurrentCall, Huawu.Data.Recordings.RecordingFormat.Pcm16Mono8k)).Value!;
        writer.Write(new byte[320]);
        await (await host.ClientFor("admin").GetAsync($"/api/v1/recordings/{writer.RecordingId}/audio"))
            .ProblemAsync(HttpStatusCode.Conflict, "recording_unavailable");
        var metadata = await (await host.ClientFor("admin").GetAsync($"/api/v1/recordings/{writer.RecordingId}")).ReadAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, metadata.GetProperty("completedAt").ValueKind);
        Assert.Contains(await host.Store.Audit.ReadAsync(0, 1000), e => e.Action == "recording_played" && e.Outcome == "failure");
    }
}
