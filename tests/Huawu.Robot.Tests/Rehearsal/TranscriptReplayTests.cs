using Huawu.Robot.Rehearsal;
using Huawu.Robot.Scripts;
using Huawu.Robot.Tests.Dialogue;
using Huawu.Robot.Tests.Support;

namespace Huawu.Robot.Tests.Rehearsal;

/// <summary>Replaying transcripts: passing paths, and the first divergence named with its turn and line.</summary>
public sealed class TranscriptReplayTests
{
    private static readonly Script Basic = TestScripts.Load(DialogueScripts.Basic);

    private static async Task<ReplayResult> ReplayAsync(string transcript, ScriptLanguage language = ScriptLanguage.En)
    {
        var parsed = TranscriptParser.Parse(transcript);
        Assert.Null(parsed.Error);
        return await TranscriptReplay.RunAsync(Basic, parsed.Transcript!, language);
    }

    [Fact]
    public async Task A_matching_transcript_passes_with_its_path()
    {
        var result = await ReplayAsync("""
            start: ask
            turns:
              - say: 利率是多少
                expect: ask
                intent: kb:rate
              - dtmf: "9"
                expect: human
              - transfer: no_answer
                expect: ask
              - say: 好的
                expect: bye
            end: {outcome: agreed, grade: A, dnc: false, tags: [wants_human, done], variables: {result: ok}}
            """);
        Assert.True(result.Passed, result.Message);
        Assert.Equal(["ask", "human", "ask", "bye"], result.Path);
        Assert.Equal("passed: 4 turns, path ask → human → ask → bye", result.Message);
    }

    [Fact]
    public async Task The_first_divergent_node_is_named_with_turn_line_and_what_was_understood()
    {
        var result = await ReplayAsync("""
            turns:
              - say: 利率是多少
                expect: ask
              - say: 我在开会
                expect: bye
              - say: 好的
                expect: bye
            """);
        Assert.False(result.Passed);
        Assert.Equal("turn 2 (line 4, '我在开会'): expected node 'bye', the robot is at 'quiet' (understood: busy (keyword, 1.00))", result.Message);
    }

    [Fact]
    public async Task Divergences_are_told_in_Chinese_too()
    {
        var result = await ReplayAsync("start: quiet\nturns: []\n", ScriptLanguage.Zh);
        Assert.Equal("开场：期望节点 'quiet'，实际在 'ask'", result.Message);
    }

    [Theory]
    [InlineData("turns:\n  - say: 今天天气\n    intent: agree\n", "turn 1 (line 2, '今天天气'): expected intent 'agree', understood nothing understood")]
    [InlineData("turns:\n  - say: 好的\n  - say: 还在吗\n", "turn 2 (line 3): the call already ended at node 'bye'")]
    [InlineData("turns:\n  - say: 好的\nend: {outcome: refused}\n", "end: expected outcome 'refused', got 'agreed'")]
    [InlineData("turns:\n  - say: 好的\nend: {grade: A}\n", "end: expected grade 'A', got 'B'")]
    [InlineData("turns:\n  - say: 好的\nend: {dnc: true}\n", "end: expected dnc 'true', got 'false'")]
    [InlineData("turns:\n  - say: 好的\nend: {variables: {result: bad}}\n", "end: expected result 'bad', got 'ok'")]
    [InlineData("turns: []\nend: {outcome: agreed}\n", "end: expected the call to have ended, it is still at node 'ask'")]
    public async Task Every_kind_of_divergence_is_reported(string transcript, string message) =>
        Assert.Equal(message, (await ReplayAsync(transcript)).Message);

    [Fact]
    public async Task Missing_variables_are_reported()
    {
        var script = TestScripts.Load(DialogueScripts.Basic.Replace("variables: {name: 张先生}", "variables: [name]", StringComparison.Ordinal));
        var result = await TranscriptReplay.RunAsync(script, TranscriptParser.Parse("turns: []\n").Transcript!, ScriptLanguage.En);
        Assert.Equal("missing variables: name (give them with --var name=value)", result.Message);
    }

    [Theory]
    [InlineData("turns:\n  - nothing: here\n", "2: a turn needs one of")]
    [InlineData("now: yesterday\n", "now: 'yesterday' is not a date and time")]
    [InlineData("turns: [a\n", "2:")]
    public void Malformed_transcripts_are_refused_with_a_reason(string transcript, string error) =>
        Assert.StartsWith(error, TranscriptParser.Parse(transcript).Error, StringComparison.Ordinal);
}
