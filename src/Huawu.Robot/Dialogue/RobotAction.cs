using Huawu.Robot.ChatModel;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Dialogue;

/// <summary>
/// What the robot does next, returned by <see cref="Conversation.Start"/> and <see cref="Conversation.Handle"/>.
/// The runtime carries actions out in order: a <see cref="SayAction"/> finishes (or is barged in on) before the
/// next action starts, except that listening with barge-in already runs while the robot speaks.
/// </summary>
public abstract record RobotAction;

/// <summary>Why the robot says a line.</summary>
public enum SpeechKind
{
    Disclosure,
    Node,
    Reprompt,
    Global,
    Knowledge,
    Model,
    Repeat,
    Goodbye,
}

/// <summary>Say a line: play <paramref name="PromptFile"/> if the script has a recording for it, else synthesize <paramref name="Text"/>.</summary>
public sealed record SayAction(string Text, string? PromptId, string? PromptFile, bool BargeIn, string NodeId, SpeechKind Kind) : RobotAction;

/// <summary>Listen for the callee's turn at a node with its endpointing; <see cref="NoInput"/> after its no-input timeout.</summary>
public sealed record ListenAction(string NodeId, Endpointing Endpointing, bool BargeIn) : RobotAction;

/// <summary>Stop the line being spoken (the callee barged in and the node allows it).</summary>
public sealed record StopSpeakingAction : RobotAction;

/// <summary>Hand the call to a queue or extension with its context; the runtime answers with <see cref="TransferEnded"/>.</summary>
public sealed record TransferAction(TransferTargetKind TargetKind, string Target, int NoAnswerSeconds, HandOffContext Context) : RobotAction;

/// <summary>Put the callee's number on the do-not-call list now, before anything else is said.</summary>
public sealed record DoNotCallAction(string Reason) : RobotAction;

/// <summary>Add a tag to the call record.</summary>
public sealed record TagAction(string Tag) : RobotAction;

/// <summary>Write a variable (a slot or a node's <c>set</c>) to the call record.</summary>
public sealed record VariableAction(string Name, string Value) : RobotAction;

/// <summary>Ask the chat model about an utterance nothing else understood; the runtime answers with <see cref="ModelReplied"/>.</summary>
public sealed record ConsultModelAction(ModelQuestion Question) : RobotAction;

/// <summary>End the call. The conversation is finished; its <see cref="Conversation.Result"/> holds the outcome and grade.</summary>
public sealed record HangUpAction(string Outcome, string? Grade) : RobotAction;
