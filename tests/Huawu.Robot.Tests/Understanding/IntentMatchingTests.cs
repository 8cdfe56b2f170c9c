using Huawu.Robot.Loading;
using Huawu.Robot.Scripts;
using Huawu.Robot.Understanding;

namespace Huawu.Robot.Tests.Understanding;

/// <summary>Keywords, patterns and example similarity in Chinese and English, with the node threshold deciding.</summary>
public sealed class IntentMatchingTests
{
    private static IntentMatcher Matcher(params IntentDefinition[] intents) => IntentMatcher.Build(intents, new ScriptErrorSink());

    private static IntentDefinition Intent(string name, string[]? keywords = null, string[]? examples = null, string[]? patterns = null) =>
        new(name, keywords ?? [], [.. (patterns ?? []).Select(p => new LocatedText(p, SourcePosition.None))], examples ?? [], IntentCount.None, SourcePosition.None);

    private static IntentMatch? Match(IntentMatcher matcher, string text, double threshold = 0.5) =>
        matcher.Match(TextNormalizer.Normalize(text), matcher.Candidates(Enumerable.Range(0, matcher.Count).Select(matcher.NameOf), []), threshold);

    [Theory]
    [InlineData("我对这个挺感兴趣的", "interested")]
    [InlineData("我不感兴趣", "not_interested")]
    [InlineData("不太感兴趣", null)]
    [InlineData("特别感兴趣", "interested")]
    [InlineData("没有兴趣", null)]
    public void Chinese_keywords_are_not_matched_right_after_a_negation(string said, string? intent)
    {
        var matcher = Matcher(Intent("interested", ["感兴趣", "有兴趣"]), Intent("not_interested", ["不感兴趣"]));
        Assert.Equal(intent, matcher.MatchExplicit(TextNormalizer.Normalize(said), matcher.Candidates(["interested", "not_interested"], []))?.Intent);
    }

    [Theory]
    [InlineData("I'm busy right now", "busy")]
    [InlineData("It's about my business", null)]
    [InlineData("I am interested", "interested")]
    [InlineData("I'm not interested", null)]
    [InlineData("not really interested", null)]
    public void English_keywords_match_whole_words_and_not_after_a_negation(string said, string? intent)
    {
        var matcher = Matcher(Intent("busy", ["busy"]), Intent("interested", ["interested"]));
        Assert.Equal(intent, matcher.MatchExplicit(TextNormalizer.Normalize(said), matcher.Candidates(["busy", "interested"], []))?.Intent);
    }

    [Fact]
    public void The_longest_explicit_match_wins_and_local_intents_win_ties()
    {
        var matcher = Matcher(Intent("refuse", ["不要"]), Intent("dnc", ["不要再打"]), Intent("local", ["不要"]));
        var candidates = matcher.Candidates(["local"], ["refuse", "dnc"]);
        Assert.Equal("dnc", matcher.MatchExplicit(TextNormalizer.Normalize("不要再打了"), candidates)!.Intent);
        Assert.Equal("local", matcher.MatchExplicit(TextNormalizer.Normalize("不要"), candidates)!.Intent);
        Assert.Equal(["local", "refuse", "dnc"], candidates.Ordered.Select(matcher.NameOf));
    }

    [Fact]
    public void Patterns_match_the_normalized_text()
    {
        var matcher = Matcher(Intent("agree", patterns: ["^(嗯+ )?(好的?|可以)$"]));
        Assert.Equal(MatchSource.Pattern, Match(matcher, "嗯，好的。")!.Source);
        Assert.Null(Match(matcher, "好的，不过我还要想想"));
    }

    [Fact]
    public void Chinese_examples_match_paraphrases_above_the_threshold_only()
    {
        var matcher = Matcher(
            Intent("interested", examples: ["我想了解一下", "你说说看吧", "那你介绍一下"]),
            Intent("busy", examples: ["我现在很忙", "我在开会呢", "现在不方便说话"]));
        var paraphrase = Match(matcher, "嗯我想了解一下你们这个")!;
        Assert.Equal("interested", paraphrase.Intent);
        Assert.Equal(MatchSource.Example, paraphrase.Source);
        Assert.Equal(1, paraphrase.Confidence, 3);
        var partial = Match(matcher, "在开会", threshold: 0)!;
        Assert.Equal("busy", partial.Intent);
        Assert.InRange(partial.Confidence, 0.2, 0.8);
        // The same partial match is refused by a strict node and taken by a lenient one.
        Assert.Null(Match(matcher, "在开会", threshold: 0.9));
        Assert.NotNull(Match(matcher, "在开会", threshold: partial.Confidence));
    }

    [Fact]
    public void English_examples_match_paraphrases_above_the_threshold_only()
    {
        var matcher = Matcher(
            Intent("interested", examples: ["tell me more about it", "i'd like to hear more"]),
            Intent("busy", examples: ["i'm busy right now", "call me back later"]));
        Assert.Equal("busy", Match(matcher, "Could you call me back a bit later?")!.Intent);
        Assert.Equal("interested", Match(matcher, "I'd like to hear more about that")!.Intent);
        Assert.Null(Match(matcher, "what colour is the sky", threshold: 0.5));
    }

    [Fact]
    public void Only_candidates_are_recognized()
    {
        var matcher = Matcher(Intent("a", ["apple"]), Intent("b", ["banana"]));
        Assert.Null(matcher.MatchExplicit("banana", matcher.Candidates(["a"], [])));
        Assert.Null(matcher.MatchExamples("banana", matcher.Candidates(["a"], []), 0));
    }
}
