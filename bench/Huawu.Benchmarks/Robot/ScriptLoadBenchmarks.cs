using BenchmarkDotNet.Attributes;
using Huawu.Robot.Loading;
using Huawu.Robot.Samples;

namespace Huawu.Benchmarks.Robot;

/// <summary>Loading a script: YAML parsing, validation (references, reachability, cycles, names) and compiling the indexes.</summary>
[MemoryDiagnoser]
public class ScriptLoadBenchmarks
{
    private string sample = "";
    private string large = "";

    [GlobalSetup]
    public void Setup()
    {
        sample = SampleScripts.Read("loan-followup.zh.yaml")!;
        large = RobotBenchmarkScripts.WithKnowledgeBase();
    }

    [Benchmark(Baseline = true)]
    public ScriptLoadResult LoanSample() => ScriptLoader.Load(sample);

    [Benchmark]
    public ScriptLoadResult KnowledgeBase500() => ScriptLoader.Load(large);
}
