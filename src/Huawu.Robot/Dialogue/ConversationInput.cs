using Huawu.Robot.ChatModel;

namespace Huawu.Robot.Dialogue;

/// <summary>Something that happened on the call, fed to <see cref="Conversation.Handle"/> by the runtime (or a test).</summary>
public abstract record ConversationInput;

/// <summary>The recognizer's final text for a callee turn, with its confidence (0–1).</summary>
public sealed record Heard(string Text, double Confidence = 1) : ConversationInput;

/// <summary>Keys the callee pressed (RFC 4733 events or SIP INFO), collected into one string by the runtime.</summary>
public sealed record KeysPressed(string Digits) : ConversationInput;

/// <summary>The listen's no-input timeout passed without speech or keys.</summary>
public sealed record NoInput : ConversationInput;

/// <summary>The callee started speaking while the robot was talking.</summary>
public sealed record BargeIn : ConversationInput;

/// <summary>The callee hung up.</summary>
public sealed record HungUp : ConversationInput;

/// <summary>How a transfer ended: someone took it, or nobody did within its no-answer time (or it failed).</summary>
public sealed record TransferEnded(bool Answered) : ConversationInput;

/// <summary>The chat model's answer to a <see cref="ConsultModelAction"/> (or its failure), already checked by the classifier.</summary>
public sealed record ModelReplied(ModelVerdict Verdict) : ConversationInput;
