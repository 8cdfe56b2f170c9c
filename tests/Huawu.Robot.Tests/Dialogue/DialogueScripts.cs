namespace Huawu.Robot.Tests.Dialogue;

/// <summary>Small scripts that exercise one dialogue rule each.</summary>
internal static class DialogueScripts
{
    public const string Basic = """
        format: huawu-script/1
        name: dialogue
        language: zh
        disclosure: {enabled: false, reason: tests look at the script's own lines}
        variables: {name: 张先生}
        defaults:
          max_rounds: 3
          max_silences: 2
          confidence: 0.5
          asr_min_confidence: 0.4
          endpointing: {no_input_ms: 5000, trailing_silence_ms: 800}
        limits: {max_rounds: 6, on_limit: {hangup: too_long}}
        start: ask
        intents:
          agree:
            keywords: [好的]
            counts: business
          refuse:
            keywords: [不要]
            counts: refusal
        nodes:
          ask:
            say: 您好{name}，可以吗？
            reprompt: 可以吗？
            routes:
              - intent: agree
                goto: bye
              - intent: refuse
                goto: bye
              - dtmf: "9"
                goto: human
          quiet:
            say: 安静节点
            barge_in: false
            collect: {slot: amount, type: number}
            next: bye
          human:
            say: 正在转人工
            tags: [wants_human]
            transfer: {queue: sales, no_answer_seconds: 15, fallback: take_back, goto: ask}
          bye:
            say: 再见
            tags: [done]
            set: {result: ok}
            hangup: agreed
        global:
          robot: {limit: 1, on_limit: {hangup: robot_refused}}
          busy: {then: {goto: quiet}}
        knowledge:
          entries:
            - {id: rate, question: 利率是多少, similar: [利息高吗], answer: 利率很低}
        chat_model: {enabled: true, min_confidence: 0.7}
        """;
}
