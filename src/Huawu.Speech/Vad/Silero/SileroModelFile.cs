using System.Text;

namespace Huawu.Speech.Vad.Silero;

/// <summary>
/// Checks a silero VAD model file before sherpa-onnx sees it. The check is needed, not cosmetic: sherpa-onnx 1.13.8
/// lets ONNX Runtime's exception for an unparsable file escape its C API (the process aborts), and exits the process
/// when the graph's inputs and outputs are not one of the silero layouts it knows. So a missing, damaged or wrong
/// file must be refused here, with a message, while the program can still say so.
/// </summary>
internal static class SileroModelFile
{
    // Larger than any silero release (v4 1.8 MB, v5 2.3 MB, the k2-fsa export 0.6 MB) by far; beyond it, not a VAD.
    private const long MaxBytes = 64L << 20;

    // onnx.proto field numbers.
    private const int ModelIrVersion = 1;
    private const int ModelGraph = 7;
    private const int GraphNode = 1;
    private const int GraphInitializer = 5;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;
    private const int ValueInfoName = 1;
    private const int TensorName = 8;

    // silero-vad-model.cc, CheckV4/CheckV5/IsExportedByK2Fsa: the graphs sherpa-onnx accepts, inputs → outputs.
    private static readonly (SileroModelKind Kind, string[] Inputs, string[] Outputs)[] Layouts =
    [
        (SileroModelKind.V4, ["input", "sr", "h", "c"], ["output", "hn", "cn"]),
        (SileroModelKind.V5, ["input", "state", "sr"], ["output", "stateN"]),
        (SileroModelKind.K2FsaExport, ["x", "h", "c"], ["prob", "new_h", "new_c"]),
    ];

    /// <summary>Inspects the file; on failure <paramref name="problem"/> says what is wrong with it (without the path).</summary>
    public static bool TryInspect(string path, out SileroModelKind kind, out string problem)
    {
        kind = default;
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            problem = "the file does not exist";
            return false;
        }
        if (file.Length > MaxBytes)
        {
            problem = $"it is {file.Length} bytes, far larger than a silero VAD model";
            return false;
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = "it cannot be read: " + e.Message;
            return false;
        }
        return TryInspect(bytes, out kind, out problem);
    }

    /// <summary>Inspects the bytes of an ONNX file.</summary>
    public static bool TryInspect(ReadOnlySpan<byte> model, out SileroModelKind kind, out string problem)
    {
        kind = default;
        var reader = new ProtobufReader(model);
        ReadOnlySpan<byte> graph = default;
        var hasVersion = false;
        while (reader.Next())
        {
            if (reader.Field == ModelIrVersion) hasVersion = true;
            else if (reader.Field == ModelGraph) graph = reader.Body;
        }
        if (reader.Broken || !hasVersion || graph.IsEmpty)
        {
            problem = reader.Broken
                ? $"it is not a valid ONNX file (its protobuf framing breaks at byte {reader.BrokenAt}); it is damaged or truncated"
                : "it is not an ONNX model (no IR version or no graph)";
            return false;
        }
        if (!TryReadGraph(graph, out var inputs, out var outputs, out problem)) return false;
        foreach (var layout in Layouts)
        {
            if (inputs.SequenceEqual(layout.Inputs) && outputs.SequenceEqual(layout.Outputs))
            {
                kind = layout.Kind;
                problem = "";
                return true;
            }
        }
        problem = $"it is an ONNX model but not a silero VAD: inputs ({string.Join(", ", inputs)}) and outputs ({string.Join(", ", outputs)}) " +
                  "match none of the layouts sherpa-onnx loads (silero v4, v5 or the k2-fsa export)";
        return false;
    }

    private static bool TryReadGraph(ReadOnlySpan<byte> graph, out List<string> inputs, out List<string> outputs, out string problem)
    {
        inputs = [];
        outputs = [];
        var initializers = new HashSet<string>(StringComparer.Ordinal);
        var nodes = 0;
        var reader = new ProtobufReader(graph);
        while (reader.Next())
        {
            var framed = true;
            switch (reader.Field)
            {
                case GraphNode:
                    framed = new ProtobufReader(reader.Body).SkipToEnd();
                    nodes++;
                    break;
                case GraphInitializer:
                    framed = TryReadString(reader.Body, TensorName, out var initializer);
                    if (initializer is not null) initializers.Add(initializer);
                    break;
                case GraphInput:
                    framed = TryReadString(reader.Body, ValueInfoName, out var input);
                    if (input is not null) inputs.Add(input);
                    break;
                case GraphOutput:
                    framed = TryReadString(reader.Body, ValueInfoName, out var output);
                    if (output is not null) outputs.Add(output);
                    break;
            }
            if (!framed)
            {
                problem = "it is not a valid ONNX file (a graph entry is malformed); it is damaged";
                return false;
            }
        }
        if (reader.Broken || nodes == 0)
        {
            problem = reader.Broken ? "it is not a valid ONNX file (its graph is malformed); it is damaged or truncated" : "its graph has no nodes";
            return false;
        }
        // ONNX Runtime lists as inputs only those not backed by an initializer (IR < 4 files list both).
        inputs.RemoveAll(initializers.Contains);
        problem = "";
        return true;
    }

    /// <summary>Checks a nested message's framing and reads its string field <paramref name="field"/> (null when absent).</summary>
    private static bool TryReadString(ReadOnlySpan<byte> message, int field, out string? value)
    {
        value = null;
        var reader = new ProtobufReader(message);
        while (reader.Next())
        {
            if (reader.Field == field) value = Encoding.UTF8.GetString(reader.Body);
        }
        return !reader.Broken;
    }
}
