using Huawu.Speech.Asr;
using Huawu.Speech.Asr.Dtmf;

namespace Huawu.Speech.Tests.Asr.Dtmf;

public class DtmfInputTests
{
    private static readonly TimeSpan T0 = TimeSpan.FromSeconds(3);

    [Fact]
    public void With_one_key_wanted_each_key_is_a_final_result_with_the_key_as_text()
    {
        var input = new DtmfInput();
        input.Press('1', T0);
        input.Press('#', T0 + TimeSpan.FromSeconds(1));
        Assert.Equal([new RecognitionResult("1", true, T0, T0, 1f), new RecognitionResult("#", true, T0 + TimeSpan.FromSeconds(1), T0 + TimeSpan.FromSeconds(1), 1f)], Drain(input));
    }

    [Fact]
    public void Several_keys_collect_as_partials_until_the_terminator_which_is_not_part_of_the_answer()
    {
        var input = new DtmfInput(maxKeys: 6);
        input.Press('4', T0);
        input.Press('2', T0 + TimeSpan.FromMilliseconds(400));
        input.Press('#', T0 + TimeSpan.FromMilliseconds(900));
        var results = Drain(input);
        Assert.Equal(["4", "42", "42"], results.Select(r => r.Text));
        Assert.Equal([false, false, true], results.Select(r => r.IsFinal));
        Assert.Equal((T0, T0 + TimeSpan.FromMilliseconds(900)), (results[2].Start, results[2].End));
    }

    [Fact]
    public void Collection_ends_at_the_key_count_or_when_the_pipeline_flushes_on_its_timer()
    {
        var input = new DtmfInput(maxKeys: 2, terminator: null);
        input.Press('7', T0);
        input.Press('#', T0);
        input.Press('9', T0);
        input.Flush(T0 + TimeSpan.FromSeconds(5));
        input.Flush(T0 + TimeSpan.FromSeconds(6));
        Assert.Equal(["7#", "9"], Drain(input).Where(r => r.IsFinal).Select(r => r.Text));
    }

    [Fact]
    public void Completing_flushes_and_ends_the_results()
    {
        var input = new DtmfInput(maxKeys: 4);
        input.Press('5', T0);
        input.Complete(T0);
        Assert.Equal("5", Drain(input)[^1].Text);
        Assert.True(input.Results.Completion.IsCompleted);
    }

    [Fact]
    public void Only_the_sixteen_dtmf_keys_are_accepted() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DtmfInput().Press('E', T0));

    private static List<RecognitionResult> Drain(DtmfInput input)
    {
        var results = new List<RecognitionResult>();
        while (input.Results.TryRead(out var r)) results.Add(r);
        return results;
    }
}
