using BenchmarkDotNet.Attributes;
using Huawu.Robot.Loading;
using Huawu.Robot.Scripts;
using Huawu.Robot.Understanding;

namespace Huawu.Benchmarks.Robot;

/// <summary>
/// Understanding one utterance against a script with a 500-entry knowledge base (1,500 phrasings): normalizing,
/// the node's intents (keywords, patterns, then BM25 over examples), and BM25 over the knowledge base. This runs
/// once per callee turn, so it is far from the media hot path; the figures show the headroom.
/// </summary>
[MemoryDiagnoser]
public class IntentClassificationBenchmarks
{
    private Script script = null!;
    private IntentCandidates candidates = null!;
    private string normalizedQuestion = "";

    [Params("请问车贷最快多久能放款到账", "嗯那你给我介绍一下吧")]
    public string Utterance { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        script = ScriptLoader.Load(RobotBenchmarkScripts.WithKnowledgeBase()).Script ?? throw new InvalidOperationException("the benchmark script does not load");
        candidates = script.Understanding.CandidatesAt("ask");
        normalizedQuestion = TextNormalizer.Normalize(Utterance);
    }

    [Benchmark]
    public string Normalize() => TextNormalizer.Normalize(Utterance);

    [Benchmark]
    public IntentMatch? NodeIntents() => script.Understanding.Intents.Match(normalizedQuestion, candidates, 0.5);

    [Benchmark]
    public double KnowledgeBase500() => script.Understanding.Knowledge.Find(normalizedQuestion, 0.5)?.Confidence ?? 0;
}
