using Huawu.Robot.Loading;
using Huawu.Robot.Samples;

namespace Huawu.Robot.Tests.Loading;

/// <summary>Broken scripts are results, never exceptions: every sample with any one line removed or mangled still loads or reports errors.</summary>
public sealed class ScriptLoaderRobustnessTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var name in SampleScripts.Names) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Removing_or_mangling_any_line_never_throws(string sample)
    {
        var lines = SampleScripts.Read(sample)!.Split('\n');
        var refused = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            string[] variants =
            [
                string.Join('\n', lines.Where((_, j) => j != i)),
                string.Join('\n', lines.Select((l, j) => j == i ? l.Replace(":", "", StringComparison.Ordinal) : l)),
                string.Join('\n', lines.Select((l, j) => j == i ? "  " + l : l)),
            ];
            foreach (var variant in variants)
            {
                var loaded = ScriptLoader.Load(variant);
                Assert.True(loaded.Succeeded != loaded.Errors.Count > 0);
                if (!loaded.Succeeded)
                {
                    refused++;
                    Assert.All(loaded.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Format(Huawu.Robot.Scripts.ScriptLanguage.Zh))));
                }
            }
        }
        Assert.True(refused > lines.Length / 2, $"only {refused} variants were refused");
    }
}
