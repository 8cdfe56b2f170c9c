using Huawu.Robot.Scripts;

namespace Huawu.Robot.ChatModel;

/// <summary>An intent the model may choose, described by its name and a few example sentences.</summary>
public sealed record ModelIntentOption(string Name, IReadOnlyList<string> Examples);

/// <summary>A knowledge entry the model may answer from (the only facts it is allowed to use).</summary>
public sealed record ModelKnowledge(string Id, string Question, string Answer);

/// <summary>What the conversation asks the chat model about one utterance it did not understand by itself.</summary>
public sealed record ModelQuestion(string Utterance, ScriptLanguage Language, IReadOnlyList<ModelIntentOption> Intents, IReadOnlyList<ModelKnowledge> Knowledge);
