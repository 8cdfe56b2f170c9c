using Huawu.Robot.Expressions;
using Huawu.Robot.Scripts;
using Huawu.Robot.Understanding;

namespace Huawu.Robot.Dialogue;

/// <summary>A conversation ready to start, or the variables the call lacks.</summary>
public sealed record ConversationStart(Conversation? Conversation, IReadOnlyList<string> MissingVariables);

/// <summary>
/// One call's dialogue: a pure state machine over a <see cref="Script"/>. Feed it what happened
/// (<see cref="Handle"/>) and carry out the actions it returns. It owns no threads, timers or locks — run it on
/// the call's mailbox — and reads time only from the injected clock, so tests replay calls exactly.
/// </summary>
public sealed partial class Conversation
{
    private readonly Script _script;
    private readonly ConversationOptions _options;
    private readonly CallState _state = new();
    private readonly List<TranscriptEntry> _transcript = [];
    private readonly DateTimeOffset _startedAt;
    private List<RobotAction> _actions = [];
    private Phase _phase = Phase.NotStarted;
    private ScriptNode _node;
    private int _nodeRounds;
    private int _nodeSilences;
    private readonly Dictionary<GlobalIntentKind, int> _globalCounts = [];
    private List<(string Text, string? PromptId)> _turnLines = [];
    private List<(string Text, string? PromptId)> _previousTurnLines = [];
    private string? _pendingUtterance;

    private enum Phase
    {
        NotStarted,
        Listening,
        AwaitingModel,
        Transferring,
        Finished,
    }

    private Conversation(Script script, ConversationOptions options)
    {
        _script = script;
        _options = options;
        _startedAt = options.Time.GetUtcNow();
        _node = script.Nodes[script.StartNode];
        foreach (var variable in script.Definition.Variables.Values.Where(v => v.Default is not null)) _state.Set(variable.Name, ScriptValue.Of(variable.Default!));
        foreach (var (name, value) in options.Variables ?? new Dictionary<string, string>()) _state.Set(name, ScriptValue.Of(value));
    }

    /// <summary>Prepares a conversation for a call; refuses (with the names) when required variables are missing.</summary>
    public static ConversationStart Create(Script script, ConversationOptions options)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(options);
        var given = options.Variables ?? new Dictionary<string, string>();
        var missing = script.RequiredVariables.Where(v => !given.ContainsKey(v)).ToList();
        return missing.Count > 0 ? new ConversationStart(null, missing) : new ConversationStart(new Conversation(script, options), []);
    }

    /// <summary>The node the conversation is at.</summary>
    public string CurrentNode => _node.Id;

    public bool IsFinished => _phase == Phase.Finished;

    /// <summary>How the call went; set once it is finished.</summary>
    public ConversationResult? Result { get; private set; }

    /// <summary>What the last callee turn was understood as (intent, slot, knowledge entry), for testers and logs.</summary>
    public IntentMatch? LastUnderstanding { get; private set; }

    public IReadOnlyList<TranscriptEntry> Transcript => _transcript;

    /// <summary>The counters so far.</summary>
    public ConversationCounters Counters => _state.Counters();

    /// <summary>Says the disclosure (unless switched off with a reason) and enters the start node.</summary>
    public IReadOnlyList<RobotAction> Start()
    {
        if (_phase != Phase.NotStarted) throw new InvalidOperationException("The conversation has already started.");
        _phase = Phase.Listening;
        var disclosure = _script.Definition.Disclosure;
        if (disclosure is { Enabled: true, Text: { } text })
        {
            // The callee must hear who is calling before anything else: the disclosure cannot be barged in on.
            Speak(text, null, SpeechKind.Disclosure, bargeIn: false);
        }
        Enter(_node);
        return TakeActions();
    }

    /// <summary>Handles one event of the call and returns what the robot does about it (nothing once finished).</summary>
    public IReadOnlyList<RobotAction> Handle(ConversationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_phase == Phase.NotStarted) throw new InvalidOperationException("Start the conversation first.");
        if (_phase == Phase.Finished) return [];
        if (_turnLines.Count > 0) (_previousTurnLines, _turnLines) = (_turnLines, []);
        if (input is not BargeIn) LastUnderstanding = null;
        switch (input)
        {
            case HungUp:
                Log(TranscriptSpeaker.System, "hung up");
                Finish(_state.Outcome.Length > 0 ? _state.Outcome : "callee_hangup", hangUp: false);
                break;
            case BargeIn when _phase == Phase.Listening && _node.Settings.BargeIn:
                Log(TranscriptSpeaker.System, "barge-in");
                _actions.Add(new StopSpeakingAction());
                break;
            case Heard heard:
                OnHeard(heard);
                break;
            case KeysPressed keys when _phase == Phase.Listening:
                OnKeys(keys.Digits);
                break;
            case NoInput when _phase == Phase.Listening:
                OnSilence();
                break;
            case TransferEnded ended when _phase == Phase.Transferring:
                OnTransferEnded(ended.Answered);
                break;
            case ModelReplied reply when _phase == Phase.AwaitingModel:
                OnModelReplied(reply.Verdict);
                break;
        }
        return TakeActions();
    }

    private List<RobotAction> TakeActions()
    {
        var taken = _actions;
        _actions = [];
        return taken;
    }

    private DateTimeOffset Now => _options.Time.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, _options.TimeZone ?? _options.Time.LocalTimeZone).DateTime);

    private void Log(TranscriptSpeaker speaker, string text, string? intent = null, double? confidence = null) =>
        _transcript.Add(new TranscriptEntry(Now, speaker, text, _node.Id, intent, confidence));

    private string Render(TextTemplate template) => template.Render(_state.Lookup, _script.Language);
}
