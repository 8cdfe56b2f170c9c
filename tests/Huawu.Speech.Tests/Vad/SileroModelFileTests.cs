using System.Text;
using Huawu.Speech.Vad;
using Huawu.Speech.Vad.Silero;
using Huawu.Testing;

namespace Huawu.Speech.Tests.Vad;

/// <summary>
/// A bad model must be refused before sherpa-onnx sees it: given an unparsable file, sherpa-onnx 1.13.8 lets ONNX
/// Runtime's exception escape its C API and the process aborts (this test process would die with it), and given a graph
/// that is not silero's it calls exit(-1).
/// </summary>
public sealed class SileroModelFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("huawu-silero-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_shared_model_is_the_k2_fsa_export_of_silero()
    {
        Assert.True(SileroModelFile.TryInspect(SharedData.PathOf("models/silero-vad/silero_vad.onnx"), out var kind, out var problem), problem);
        Assert.Equal(SileroModelKind.K2FsaExport, kind);
    }

    [Fact]
    public void A_missing_model_is_refused_naming_the_path_and_the_setting()
    {
        var path = Path.Combine(_directory, "absent.onnx");
        var refused = Assert.Throws<SpeechEngineException>(() => VoiceActivityDetectorFactory.Silero(path));
        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", refused.Message, StringComparison.Ordinal);
        Assert.Contains("speech.vad.silero_model", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text", "not a valid ONNX file")]
    [InlineData("truncated", "damaged or truncated")]
    [InlineData("empty", "not an ONNX model")]
    [InlineData("other graph", "not a silero VAD: inputs (a) and outputs (b)")]
    public void A_damaged_or_foreign_file_is_refused_and_the_process_lives_on(string content, string problem)
    {
        var path = Path.Combine(_directory, "model.onnx");
        File.WriteAllBytes(path, content switch
        {
            "text" => Encoding.UTF8.GetBytes("<html>404 Not Found</html>\n"),
            "truncated" => File.ReadAllBytes(SharedData.PathOf("models/silero-vad/silero_vad.onnx"))[..300_000],
            "empty" => [],
            _ => IdentityModel(),
        });
        var refused = Assert.Throws<SpeechEngineException>(() => VoiceActivityDetectorFactory.Silero(path));
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A well-formed ONNX model (onnx.proto field numbers) whose graph is one Identity node from a to b.</summary>
    private static byte[] IdentityModel()
    {
        var node = Concat(Text(1, "a"), Text(2, "b"), Text(4, "Identity"));
        var graph = Concat(Message(1, node), Text(2, "g"), Message(11, Text(1, "a")), Message(12, Text(1, "b")));
        return Concat([0x08, 0x07], Message(7, graph)); // ir_version = 7, graph
    }

    private static byte[] Text(int field, string value) => Message(field, Encoding.UTF8.GetBytes(value));

    private static byte[] Message(int field, byte[] body) => Concat(Varint((ulong)((field << 3) | 2)), Varint((ulong)body.Length), body);

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
