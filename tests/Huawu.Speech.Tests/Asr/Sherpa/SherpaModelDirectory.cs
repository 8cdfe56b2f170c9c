namespace Huawu.Speech.Tests.Asr.Sherpa;

/// <summary>A scratch model directory with files that look like a pack's (ONNX files start as ONNX files do).</summary>
internal sealed class SherpaModelDirectory : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("huawu-sherpa-").FullName;

    public string Pack(string name, params string[] files)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
        foreach (var file in files)
        {
            // ModelProto's first field, ir_version = 7: what every exported ONNX file begins with.
            byte[] content = file.EndsWith(".onnx", StringComparison.Ordinal) ? [0x08, 0x07, 0x12, 0x00] : "<blk> 0\n"u8.ToArray();
            File.WriteAllBytes(Path.Combine(directory, file), content);
        }
        return directory;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
