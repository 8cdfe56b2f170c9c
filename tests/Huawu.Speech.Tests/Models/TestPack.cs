using System.Diagnostics;
using System.Security.Cryptography;
using Huawu.Speech.Models;

namespace Huawu.Speech.Tests.Models;

/// <summary>A small model pack built for a test the way sherpa-onnx publishes them: one directory in a .tar.bz2.</summary>
internal sealed class TestPack : IDisposable
{
    public const string Root = "sherpa-onnx-test-pack";

    private readonly string _scratch = Directory.CreateTempSubdirectory("huawu-pack-").FullName;

    /// <summary>Builds the archive from <paramref name="files"/> (paths relative to the tar's root; most inside <see cref="Root"/>).</summary>
    public TestPack(IReadOnlyDictionary<string, byte[]> files)
    {
        Files = files;
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(_scratch, "tree", path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
        }
        var archive = Path.Combine(_scratch, "pack.tar.bz2");
        var tar = Process.Start(new ProcessStartInfo("tar", ["-cjf", archive, "-C", Path.Combine(_scratch, "tree"), .. files.Keys.Select(k => k.Split('/')[0]).Distinct()]))!;
        tar.WaitForExit();
        Assert.Equal(0, tar.ExitCode);
        Archive = File.ReadAllBytes(archive);
    }

    public IReadOnlyDictionary<string, byte[]> Files { get; }

    public byte[] Archive { get; }

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Archive));

    /// <summary>A pack of about 300 kB of incompressible "model" and a tokens file.</summary>
    public static TestPack Standard()
    {
        var model = new byte[300_000];
        new Random(7).NextBytes(model);
        return new TestPack(new Dictionary<string, byte[]>
        {
            [$"{Root}/model.int8.onnx"] = model,
            [$"{Root}/tokens.txt"] = "<blk> 0\n的 1\n"u8.ToArray(),
        });
    }

    public ModelPack Describe(string? sha256 = null, long? size = null) =>
        new("test-pack", "a pack built by the test", $"asr-models/{Root}.tar.bz2", sha256 ?? Sha256, size, Root, Root);

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
