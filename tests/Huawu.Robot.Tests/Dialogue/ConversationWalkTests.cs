using Huawu.Robot.Dialogue;
using Huawu.Robot.Loading;
using Huawu.Robot.Samples;
using Huawu.Testing;

namespace Huawu.Robot.Tests.Dialogue;

/// <summary>
/// Seeded random walks through every sample: any sequence of call events is handled without an exception, every
/// call ends within the script's limits, and every wait for the callee is announced by a listen.
/// </summary>
public sealed class ConversationWalkTests
{
    private static readonly string[] Utterances =
    [
        "是的", "不是", "好的", "不需要", "你是机器人吗", "再说一遍", "我在开会", "利率是多少", "三万", "下周三", "五分", "投诉",
        "不要再打了", "yes", "no", "tell me more", "who is this", "next Monday", "five", "what's the interest rate", "", "嗯", "随便",
    ];

    public static TheoryData<string, int> Walks()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in SampleScripts.Names)
        {
            for (var seed = 1; seed <= 25; seed++) data.Add(name, seed);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public void Any_sequence_of_events_ends_the_call_cleanly(string sample, int seed)
    {
        var script = ScriptLoader.Load(SampleScripts.Read(sample)!).Script!;
        var variables = script.RequiredVariables.ToDictionary(v => v, v => "测试");
        var call = Conversation.Create(script, new ConversationOptions(new ManualTimeProvider(), variables, TimeZoneInfo.Utc)).Conversation!;
        var random = new Random(seed);
        var last = call.Start();
        for (var turn = 0; turn < 200 && !call.IsFinished; turn++)
        {
            ConversationInput input = random.Next(10) switch
            {
                0 => new NoInput(),
                1 => new KeysPressed(random.Next(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                2 => new BargeIn(),
                3 => new TransferEnded(random.Next(2) == 0),
                _ => new Heard(Utterances[random.Next(Utterances.Length)], random.NextDouble()),
            };
            var actions = call.Handle(input);
            if (actions.Count > 0 && actions[^1] is not StopSpeakingAction) last = actions;
            // A call that goes on is waiting for something: the callee (listen) or the transfer's outcome.
            if (!call.IsFinished) Assert.True(last[^1] is ListenAction or TransferAction, $"{call.CurrentNode}: ends with {last[^1]}");
        }
        Assert.True(call.IsFinished, $"still at {call.CurrentNode} after 200 events");
        Assert.NotNull(call.Result!.Outcome);
    }
}
