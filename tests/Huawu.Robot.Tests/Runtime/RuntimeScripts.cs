using Huawu.Robot.Runtime;
using Huawu.Robot.Scripts;
using Huawu.Robot.Tests.Support;

namespace Huawu.Robot.Tests.Runtime;

/// <summary>A small English script that exercises every part of the runtime, and a robot call over test doubles.</summary>
internal static class RuntimeScripts
{
    public const string Offer = """
        name: runtime-offer
        language: en
        disclosure: This is an AI assistant calling for Acme.
        variables: [customer_name]
        start: ask
        intents:
          interested:
            keywords: [tell me more]
            examples: [sounds good to me]
            counts: business
          human:
            keywords: [real person, speak to someone]
        nodes:
          ask:
            say: Hi {customer_name}, would you like to hear about our offer? Press 1 for an advisor.
            endpointing: {trailing_silence_ms: 500, no_input_ms: 4000}
            routes:
              - intent: interested
                goto: pitch
              - intent: human
                goto: advisor
              - dtmf: "1"
                goto: advisor
          pitch:
            say: Great, the offer is ten percent off. Goodbye.
            hangup: interested
          advisor:
            say: Let me put you through.
            transfer: {extension: "1001", no_answer_seconds: 15, fallback: take_back, goto: sorry}
          sorry:
            say: Nobody is free right now. Shall we call you back?
            collect: {slot: callback, type: yes_no}
            routes:
              - goto: bye
          bye:
            say: Thank you, goodbye.
            hangup: callback
        knowledge:
          entries:
            - id: price
              question: how much does it cost
              similar: [what is the price]
              answer: It costs nothing to ask.
        grading:
          - {grade: A, when: "outcome == 'transferred' || business_questions >= 1"}
          - {grade: C}
        """;

    public static Script Load(string yaml = Offer) => TestScripts.Load(yaml);

    public static (RobotCall Call, FakeVoice Voice, FakeLine Line, MemoryCallLog Log) Start(Script? script = null, RobotCallOptions? options = null)
    {
        var voice = new FakeVoice();
        var line = new FakeLine();
        var log = new MemoryCallLog();
        var started = RobotCall.Create(script ?? Load(), voice, line, log,
            options ?? new RobotCallOptions(new Dictionary<string, string> { ["customer_name"] = "Alex" }));
        Assert.Empty(started.Problems);
        return (started.Call!, voice, line, log);
    }
}
