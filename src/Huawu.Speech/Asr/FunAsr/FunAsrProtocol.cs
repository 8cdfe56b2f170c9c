using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Huawu.Speech.Configuration;

namespace Huawu.Speech.Asr.FunAsr;

/// <summary>
/// The FunASR runtime's WebSocket protocol (runtime/docs/websocket_protocol.md and its servers): a JSON text message
/// opens the stream (mode, chunk_size, chunk_interval, wav_name, wav_format, audio_fs, is_speaking: true, hotwords,
/// itn); 16-bit little-endian PCM follows in binary messages; <c>{"is_speaking": false}</c> ends it. The server answers
/// with JSON text messages <c>{mode, text, wav_name, is_final, timestamp?}</c>.
/// </summary>
internal static class FunAsrProtocol
{
    public static string StartMessage(FunasrAsrOptions options, string wavName, int sampleRate, IReadOnlyList<string> hotWords)
    {
        var message = new JsonObject
        {
            ["mode"] = options.Mode,
            ["chunk_size"] = new JsonArray(options.ChunkSize.Select(c => (JsonNode)c).ToArray()),
            ["chunk_interval"] = options.ChunkInterval,
            ["wav_name"] = wavName,
            ["wav_format"] = "pcm",
            ["audio_fs"] = sampleRate,
            ["is_speaking"] = true,
            // Hot words travel as a JSON object serialized into a string: {"word": weight}.
            ["hotwords"] = hotWords.Count == 0 ? "" : new JsonObject(hotWords.Distinct().Select(w => KeyValuePair.Create(w, (JsonNode?)options.HotWordWeight))).ToJsonString(),
            ["itn"] = options.Itn,
        };
        return message.ToJsonString();
    }

    public const string EndMessage = "{\"is_speaking\":false}";

    /// <summary>Milliseconds of audio per message, as FunASR's own clients send it: chunk_size[1] × 60 ms / chunk_interval.</summary>
    public static int SendIntervalMilliseconds(FunasrAsrOptions options) => Math.Max(10, options.ChunkSize[1] * 60 / options.ChunkInterval);

    /// <summary>Reads one server message; false (with the reason) when it is not the protocol's JSON.</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out FunAsrMessage message, out string? error)
    {
        message = default;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "not a JSON object";
                return false;
            }
            var mode = root.TryGetProperty("mode", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
            var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            var isFinal = root.TryGetProperty("is_final", out var f) && f.ValueKind == JsonValueKind.True;
            message = new FunAsrMessage(mode, text, isFinal, ParseTimestamps(root));
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>The span of <c>"timestamp": "[[100,200],[200,500]]"</c> (milliseconds, a string holding JSON), if present.</summary>
    private static (TimeSpan Start, TimeSpan End)? ParseTimestamps(JsonElement root)
    {
        if (!root.TryGetProperty("timestamp", out var stamp)) return null;
        try
        {
            using var pairs = stamp.ValueKind == JsonValueKind.String ? JsonDocument.Parse(stamp.GetString()!) : null;
            var array = pairs?.RootElement ?? stamp;
            if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0) return null;
            var first = array[0];
            var last = array[array.GetArrayLength() - 1];
            return (TimeSpan.FromMilliseconds(first[0].GetDouble()), TimeSpan.FromMilliseconds(last[1].GetDouble()));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            return null;
        }
    }

    public static string Describe(FunAsrMessage message) =>
        string.Create(CultureInfo.InvariantCulture, $"mode '{message.Mode}', is_final {message.IsFinal}, text '{message.Text}'");
}

/// <summary>One result message: <see cref="Mode"/> is <c>online</c>/<c>2pass-online</c> (streaming text, a piece of the
/// sentence) or <c>offline</c>/<c>2pass-offline</c> (a finished sentence).</summary>
internal readonly record struct FunAsrMessage(string Mode, string Text, bool IsFinal, (TimeSpan Start, TimeSpan End)? Timestamps)
{
    public bool IsSentence => Mode is "2pass-offline" or "offline";
}
