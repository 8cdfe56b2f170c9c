namespace Huawu.Robot.Slots;

/// <summary>
/// Yes or no in an answer. Every known phrase is located; where phrases overlap the longest wins (不错 over 不,
/// 没问题 over 没); the earliest phrase decides ("好，不过…" is yes, "不好" is no). Questions are no answer at all. "Don't know"-like phrases
/// decide "no answer", and bare fillers (嗯, 啊) count as yes only when nothing else was said.
/// </summary>
internal static class YesNoSlot
{
    private enum Meaning
    {
        Yes,
        No,
        Unknown,
        Ignore,
        Filler,
    }

    private static readonly (string Phrase, Meaning Meaning)[] Phrases =
    [
        // Chinese
        ("没问题", Meaning.Yes), ("不错", Meaning.Yes), ("没错", Meaning.Yes), ("当然", Meaning.Yes), ("好的", Meaning.Yes),
        ("是的", Meaning.Yes), ("对的", Meaning.Yes), ("可以", Meaning.Yes), ("同意", Meaning.Yes), ("愿意", Meaning.Yes),
        ("确认", Meaning.Yes), ("需要", Meaning.Yes), ("是", Meaning.Yes), ("对", Meaning.Yes), ("好", Meaning.Yes),
        ("行", Meaning.Yes), ("要", Meaning.Yes), ("有", Meaning.Yes), ("满意", Meaning.Yes),
        ("不是", Meaning.No), ("不对", Meaning.No), ("不用", Meaning.No), ("不要", Meaning.No), ("不需要", Meaning.No),
        ("不行", Meaning.No), ("不好", Meaning.No), ("不可以", Meaning.No), ("不想", Meaning.No), ("没有", Meaning.No),
        ("不愿意", Meaning.No), ("不同意", Meaning.No), ("不满意", Meaning.No), ("拒绝", Meaning.No), ("算了", Meaning.No),
        ("不", Meaning.No), ("没", Meaning.No),
        ("不知道", Meaning.Unknown), ("不清楚", Meaning.Unknown), ("不确定", Meaning.Unknown), ("说不好", Meaning.Unknown),
        ("不一定", Meaning.Unknown), ("看情况", Meaning.Unknown),
        ("不过", Meaning.Ignore), ("要不", Meaning.Ignore), ("不然", Meaning.Ignore), ("不管", Meaning.Ignore),
        ("嗯", Meaning.Filler), ("啊", Meaning.Filler), ("哦", Meaning.Filler),
        // English (normalized: no apostrophes)
        ("no problem", Meaning.Yes), ("not bad", Meaning.Yes), ("of course", Meaning.Yes), ("why not", Meaning.Yes),
        ("yes", Meaning.Yes), ("yeah", Meaning.Yes), ("yep", Meaning.Yes), ("yup", Meaning.Yes), ("sure", Meaning.Yes),
        ("ok", Meaning.Yes), ("okay", Meaning.Yes), ("correct", Meaning.Yes), ("right", Meaning.Yes), ("absolutely", Meaning.Yes),
        ("definitely", Meaning.Yes), ("certainly", Meaning.Yes), ("confirm", Meaning.Yes), ("alright", Meaning.Yes), ("fine", Meaning.Yes),
        ("no", Meaning.No), ("nope", Meaning.No), ("nah", Meaning.No), ("not", Meaning.No), ("dont", Meaning.No),
        ("never", Meaning.No), ("negative", Meaning.No), ("cancel", Meaning.No),
        ("dont know", Meaning.Unknown), ("not sure", Meaning.Unknown), ("no idea", Meaning.Unknown), ("maybe", Meaning.Unknown),
        ("um", Meaning.Filler), ("uh", Meaning.Filler), ("hmm", Meaning.Filler),
    ];

    // A question is not an answer: "要问多久啊" asks something, its 要 is no yes.
    private static readonly string[] ChineseQuestionWords = ["吗", "呢", "多久", "多少", "什么", "怎么", "哪", "为什么", "为啥", "几"];
    private static readonly string[] EnglishQuestionStarts = ["what", "how", "why", "when", "where", "who", "which", "is", "are", "does"];

    /// <param name="said">What the callee said, as recognized (a question mark there makes it a question).</param>
    /// <param name="normalized">The same after <see cref="Understanding.TextNormalizer.Normalize(string)"/>.</param>
    public static bool TryRead(string said, string normalized, out bool value)
    {
        value = false;
        if (IsQuestion(said, normalized)) return false;
        var found = Phrases
            .SelectMany(p => Occurrences(normalized, p.Phrase).Select(at => (At: at, p.Phrase.Length, p.Meaning)))
            .OrderBy(m => m.At).ThenByDescending(m => m.Length)
            .ToList();
        // Drop matches inside an earlier, longer one (the 不 of 不错, the no of no problem).
        var kept = new List<(int At, int Length, Meaning Meaning)>();
        foreach (var match in found)
        {
            if (kept.Count == 0 || match.At >= kept[^1].At + kept[^1].Length) kept.Add(match);
        }
        var deciding = kept.FirstOrDefault(m => m.Meaning is Meaning.Yes or Meaning.No or Meaning.Unknown);
        if (deciding.Length == 0)
        {
            value = kept.Any(m => m.Meaning == Meaning.Filler);
            return value;
        }
        value = deciding.Meaning == Meaning.Yes;
        return deciding.Meaning != Meaning.Unknown;
    }

    private static IEnumerable<int> Occurrences(string text, string phrase)
    {
        var alphabetic = char.IsAsciiLetter(phrase[0]);
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            // English phrases only as whole words (no in "know", ok in "book").
            var end = at + phrase.Length;
            if (!alphabetic || ((at == 0 || text[at - 1] == ' ') && (end == text.Length || text[end] == ' '))) yield return at;
        }
    }

    private static bool IsQuestion(string said, string normalized) =>
        said.Contains('?', StringComparison.Ordinal) || said.Contains('？', StringComparison.Ordinal) ||
        ChineseQuestionWords.Any(w => normalized.Contains(w, StringComparison.Ordinal)) ||
        EnglishQuestionStarts.Contains(normalized.Split(' ')[0], StringComparer.Ordinal);
}
