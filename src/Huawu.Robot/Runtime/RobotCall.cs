using System.Threading.Channels;
using Huawu.Robot.Dialogue;
using Huawu.Robot.Scripts;
using Huawu.Speech.Pipeline;

namespace Huawu.Robot.Runtime;

/// <summary>
/// The robot on one live call: binds the call's voice (<see cref="IRobotVoice"/>) to a <see cref="Conversation"/>,
/// carries out its actions on the voice, the line and the log, and feeds back what happens. Everything for the call
/// goes through one mailbox read by one loop (<see cref="RunAsync"/>), so its state needs no locks.
/// </summary>
public sealed partial class RobotCall
{
    private readonly Channel<RobotInput> _mailbox = Channel.CreateUnbounded<RobotInput>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Script _script;
    private readonly Conversation _conversation;
    private readonly IRobotVoice _voice;
    private readonly IRobotLine _line;
    private readonly IRobotCallLog _log;
    private readonly RobotCallOptions _options;
    private readonly ListenPlan _listenPlan;
    private readonly List<string> _path = [];
    private readonly List<HandOffResult> _handOffs = [];
    private readonly List<TurnLatency> _latencies = [];

    private RobotCall(Script script, Conversation conversation, IRobotVoice voice, IRobotLine line, IRobotCallLog log, RobotCallOptions options)
    {
        _script = script;
        _conversation = conversation;
        _voice = voice;
        _line = line;
        _log = log;
        _options = options;
        _listenPlan = new ListenPlan(script, options);
    }

    /// <summary>
    /// Prepares the robot for a call; refuses, with reasons naming the node or variable, a script this runtime cannot
    /// carry out (required variables missing; a transfer to a queue this node does not have, <see cref="RobotCallOptions.Queues"/>).
    /// </summary>
    public static RobotCallStart Create(Script script, IRobotVoice voice, IRobotLine line, IRobotCallLog log, RobotCallOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(voice);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(log);
        options ??= new RobotCallOptions();
        var queues = options.Queues;
        var problems = Unsupported(script, queue => queues is not null && queues.Contains(queue)).ToList();
        var created = Conversation.Create(script, new ConversationOptions(
            options.Time ?? TimeProvider.System, options.Variables, options.TimeZone, ChatModelAvailable: options.ChatModel is not null));
        problems.AddRange(created.MissingVariables.Select(v => $"variable '{v}': required by the script, not given for the call"));
        return problems.Count > 0 || created.Conversation is null
            ? new RobotCallStart(null, problems)
            : new RobotCallStart(new RobotCall(script, created.Conversation, voice, line, log, options), []);
    }

    /// <summary>
    /// What in <paramref name="script"/> this node cannot carry out, each naming its node: transfers to a queue that
    /// <paramref name="hasQueue"/> does not know. Scripts are loaded without a node, so the queues are checked here, before
    /// dialling (<c>huawu call</c>, creating a campaign, each call), rather than failing mid-call.
    /// </summary>
    public static IEnumerable<string> Unsupported(Script script, Func<string, bool> hasQueue)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(hasQueue);
        return script.Definition.Nodes
            .Where(n => n.Transfer is { Kind: TransferTargetKind.Queue } transfer && !hasQueue(transfer.Target))
            .Select(n => $"node '{n.Id}': transfers to queue '{n.Transfer!.Target}', which this node does not have; add it under queues: in the configuration");
    }

    /// <summary>The node the conversation is at.</summary>
    public string CurrentNode => _conversation.CurrentNode;

    /// <summary>
    /// Runs the call to its end: the disclosure first, then the script, until the robot hangs up, hands the callee to a
    /// person, or the callee hangs up. Cancelling hangs the call up. The result is written to the log before this returns.
    /// </summary>
    public async Task<RobotCallSummary> RunAsync(CancellationToken cancellation = default)
    {
        var pumping = PumpVoiceAsync();
        _ = _line.Ended.ContinueWith(_ => _mailbox.Writer.TryWrite(new RobotInput.LineEnded()), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await using (cancellation.Register(() => _ = _line.HangUpAsync()))
        {
            Visit(_conversation.CurrentNode);
            await CarryOutAsync(_conversation.Start());
            while (!_conversation.IsFinished && await _mailbox.Reader.WaitToReadAsync(CancellationToken.None))
            {
                while (!_conversation.IsFinished && _mailbox.Reader.TryRead(out var input)) await OnInputAsync(input);
            }
            await FinishAsync();
        }
        _mailbox.Writer.TryComplete();
        _ = pumping;
        return new RobotCallSummary(_conversation.Result!, _path, _handOffs, _latencies);
    }

    private void Visit(string nodeId)
    {
        if (_path.Count == 0 || _path[^1] != nodeId) _path.Add(nodeId);
    }

    /// <summary>Forwards the voice's events into the mailbox, so they are handled in turn with everything else.</summary>
    private async Task PumpVoiceAsync()
    {
        await foreach (var happened in _voice.Events.ReadAllAsync()) _mailbox.Writer.TryWrite(new RobotInput.Voice(happened));
    }

    private async Task OnInputAsync(RobotInput input)
    {
        switch (input)
        {
            case RobotInput.Voice voice:
                await OnVoiceAsync(voice.Event);
                break;
            case RobotInput.LineEnded:
                _lineEnded = true;
                await HandleAsync(new HungUp());
                break;
            case RobotInput.HandOffDone done:
                await OnHandOffDoneAsync(done.Result);
                break;
            case RobotInput.ModelDone model:
                await HandleAsync(new ModelReplied(model.Verdict));
                break;
        }
    }

    private async Task HandleAsync(ConversationInput input)
    {
        var actions = _conversation.Handle(input);
        await CarryOutAsync(actions);
        Visit(_conversation.CurrentNode);
    }
}
