using System.Text.Encodings.Web;
using System.Text.Json;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.ChatModel;

/// <summary>What the chat model is told: its job and its limits (system), and the one question at hand as JSON (user).</summary>
internal static class ModelPrompt
{
    public static string System(ScriptLanguage language) => $$"""
        You help a phone robot understand a caller. You get the caller's words, the intents the robot can act on
        (with example sentences) and the knowledge entries the robot may answer from.
        Reply with one JSON object and nothing else:
        {"kind": "intent", "intent": "<one of the offered intent names>", "confidence": <0..1>}
        or {"kind": "answer", "answer": "<answer>", "sources": ["<knowledge ids used>"], "confidence": <0..1>}
        or {"kind": "none"}.
        Rules: choose only offered intents. Answer only with facts stated in the offered knowledge entries; never
        invent numbers, prices, dates, names or promises; cite every entry you used. At most two short sentences,
        in {{(language == ScriptLanguage.Zh ? "Simplified Chinese" : "English")}}. If you are unsure, reply {"kind": "none"}.
        """;

    public static string User(ModelQuestion question) => JsonSerializer.Serialize(new
    {
        utterance = question.Utterance,
        intents = question.Intents.Select(i => new { name = i.Name, examples = i.Examples }),
        knowledge = question.Knowledge.Select(k => new { id = k.Id, question = k.Question, answer = k.Answer }),
    }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
