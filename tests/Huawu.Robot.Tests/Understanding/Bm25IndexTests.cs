using Huawu.Robot.Understanding;

namespace Huawu.Robot.Tests.Understanding;

/// <summary>BM25 over character n-grams (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009).</summary>
public sealed class Bm25IndexTests
{
    private static Bm25Index Index(params string[] documents) =>
        new([.. documents.Select((d, i) => (TextNormalizer.Normalize(d), i))]);

    [Fact]
    public void A_document_against_itself_has_full_confidence()
    {
        var hit = Index("利率是多少", "可以分几期还", "会不会影响征信").Best(TextNormalizer.Normalize("可以分几期还"));
        Assert.Equal(1, hit.Label);
        Assert.Equal(1f, hit.Confidence, 3);
    }

    [Fact]
    public void Chinese_paraphrases_match_without_segmentation()
    {
        var index = Index("利率是多少", "可以分几期还", "会不会影响征信");
        var hit = index.Best(TextNormalizer.Normalize("请问你们的利率大概是多少呢"));
        Assert.Equal(0, hit.Label);
        Assert.InRange(hit.Confidence, 0.5f, 1f);
        Assert.Equal(2, index.Best(TextNormalizer.Normalize("这个影响我征信吗")).Label);
    }

    [Fact]
    public void Rare_terms_weigh_more_than_common_ones()
    {
        // 的 and 我 are in every document: sharing them says little; 征信 is in one.
        var index = Index("我的征信", "我的利率", "我的额度", "我的期限");
        var hit = index.Best(TextNormalizer.Normalize("征信"));
        Assert.Equal(0, hit.Label);
        Assert.True(index.Best(TextNormalizer.Normalize("我的")).Confidence < hit.Confidence);
    }

    [Fact]
    public void Unrelated_text_finds_nothing_or_little()
    {
        var index = Index("what is the interest rate", "how long can i borrow");
        Assert.False(index.Best(TextNormalizer.Normalize("完全无关")).Found);
        Assert.True(index.Best(TextNormalizer.Normalize("my dog barks")).Confidence < 0.3f);
    }

    [Fact]
    public void Labels_can_be_filtered()
    {
        var index = new Bm25Index([("interest rate", 0), ("interest free", 1)]);
        Assert.Equal(1, index.Best("interest rate", [false, true]).Label);
        Assert.False(index.Best("interest rate", [false, false]).Found);
    }

    [Fact]
    public void Long_queries_use_pooled_buffers_and_still_score()
    {
        var index = Index("利率是多少");
        var hit = index.Best(TextNormalizer.Normalize(string.Concat(Enumerable.Repeat("今天天气不错", 200)) + "利率是多少"));
        Assert.Equal(0, hit.Label);
        Assert.Equal(1f, hit.Confidence, 3);
    }
}
