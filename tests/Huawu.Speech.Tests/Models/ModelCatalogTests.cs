using System.Text.RegularExpressions;
using Huawu.Speech.Configuration;
using Huawu.Speech.Models;

namespace Huawu.Speech.Tests.Models;

/// <summary>The named packs: real upstream addresses, well-formed checksums, install paths inside the model directory.</summary>
public sealed partial class ModelCatalogTests
{
    [Fact]
    public void Every_pack_is_a_sherpa_onnx_release_asset_with_a_SHA_256_and_a_place_of_its_own()
    {
        Assert.Equal(ModelCatalog.All.Count, ModelCatalog.All.Select(p => p.Name).Distinct().Count());
        Assert.Equal(ModelCatalog.All.Count, ModelCatalog.All.Select(p => p.InstallPath).Distinct().Count());
        foreach (var pack in ModelCatalog.All)
        {
            Assert.StartsWith("https://github.com/k2-fsa/sherpa-onnx/releases/download/", pack.Url().AbsoluteUri, StringComparison.Ordinal);
            Assert.Matches(Sha256(), pack.Sha256);
            Assert.False(Path.IsPathRooted(pack.InstallPath));
            Assert.DoesNotContain("..", pack.InstallPath.Split('/'));
            Assert.Equal(pack.ReleasePath.EndsWith(".tar.bz2", StringComparison.Ordinal), pack.IsArchive);
            if (pack.IsArchive) Assert.Equal(pack.FileName[..^".tar.bz2".Length], pack.ArchiveRoot);
        }
    }

    [Fact]
    public void The_default_sherpa_model_directory_is_the_one_its_pack_installs()
    {
        var pack = Assert.Single(ModelCatalog.All, p => p.InstallPath == new SherpaAsrOptions().ModelDir);
        Assert.Equal("streaming-paraformer-zh-en", pack.Name);
    }

    [Fact]
    public void A_mirror_serves_the_same_release_paths()
    {
        var pack = ModelCatalog.Find("sense-voice")!;
        Assert.Equal("http://mirror.example/sherpa/asr-models/sherpa-onnx-sense-voice-zh-en-ja-ko-yue-int8-2025-09-09.tar.bz2",
            pack.Url(new Uri("http://mirror.example/sherpa")).AbsoluteUri);
        Assert.Null(ModelCatalog.Find("no-such-pack"));
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
