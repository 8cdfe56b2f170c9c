using Huawu.Robot.Dialogue;

namespace Huawu.Robot.Runtime;

// Carrying out the conversation's actions in order. Lines queue on the voice at once (the pipeline plays them one
// after another); what must wait for the robot to stop talking — listening after a line that may not be interrupted,
// a transfer, the hang-up — waits in _waiting until the playbacks it follows have ended.
public sealed partial class RobotCall
{
    private readonly Dictionary<long, SayAction> _playing = [];
    private readonly Queue<RobotAction> _waiting = new();
    private long _turn;
    private string _turnNode = "";
    private bool _hangUp;
    private bool _lineEnded;

    private async Task CarryOutAsync(IReadOnlyList<RobotAction> actions)
    {
        foreach (var action in actions)
        {
            if (_waiting.Count > 0 || MustWait(action)) _waiting.Enqueue(action);
            else await CarryOutAsync(action);
        }
    }

    /// <summary>Carries out the actions that were waiting for playbacks, as far as they can go now.</summary>
    private async Task ResumeWaitingAsync()
    {
        while (_waiting.TryPeek(out var next) && !MustWait(next)) await CarryOutAsync(_waiting.Dequeue());
    }

    private bool MustWait(RobotAction action) => action switch
    {
        // The disclosure (and any line said without barge-in) is heard whole: the turn opens after it.
        ListenAction { BargeIn: true } => _playing.Values.Any(line => !line.BargeIn),
        ListenAction => false,
        TransferAction or HangUpAction => _playing.Count > 0,
        _ => false,
    };

    private async Task CarryOutAsync(RobotAction action)
    {
        switch (action)
        {
            case SayAction line:
                Visit(line.NodeId);
                _playing[_voice.Say(line)] = line;
                break;
            case ListenAction listen:
                Visit(listen.NodeId);
                _turnNode = listen.NodeId;
                _turn = _voice.Listen(_listenPlan.For(listen));
                break;
            case StopSpeakingAction:
                _voice.StopSpeaking();
                break;
            case DoNotCallAction refusal:
                // Written before the robot says another word: the callee asked, and a crash now must not lose it.
                var listed = await _log.AddDoNotCallAsync(_line.CalleeNumber, refusal.Reason);
                await _log.RecordEventAsync("robot.do_not_call", listed ? refusal.Reason : "could not be listed: " + refusal.Reason);
                break;
            case TransferAction transfer:
                StartHandOff(transfer);
                break;
            case ConsultModelAction consult when _options.ChatModel is { } model:
                _ = model.ClassifyAsync(consult.Question).ContinueWith(
                    t => _mailbox.Writer.TryWrite(new RobotInput.ModelDone(t.Result)), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                break;
            case HangUpAction:
                _hangUp = true;
                break;
            case TagAction or VariableAction or ConsultModelAction:
                // Tags and variables reach the record with the result; without a model the conversation never consults one.
                break;
        }
    }

    private void StartHandOff(TransferAction transfer)
    {
        _voice.StopListening();
        _turn = 0;
        _ = _line.HandOffAsync(transfer, CancellationToken.None).ContinueWith(
            t => _mailbox.Writer.TryWrite(new RobotInput.HandOffDone(t.IsCompletedSuccessfully ? t.Result : new HandOffResult(HandOffOutcome.Failed, t.Exception?.GetBaseException().Message))),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task OnHandOffDoneAsync(HandOffResult result)
    {
        _handOffs.Add(result);
        await _log.RecordEventAsync("robot.handoff", result.Reason is null ? result.Outcome.ToString() : $"{result.Outcome}: {result.Reason}");
        await HandleAsync(new TransferEnded(result.Outcome == HandOffOutcome.Answered));
    }

    /// <summary>After the conversation ends: the last lines are heard (what waits for them, the hang-up, runs), the robot hangs up if it decided to, the result is written.</summary>
    private async Task FinishAsync()
    {
        _voice.StopListening();
        while (!_lineEnded && _waiting.Count > 0 && await _mailbox.Reader.WaitToReadAsync())
        {
            while (_mailbox.Reader.TryRead(out var input))
            {
                if (input is RobotInput.LineEnded) _lineEnded = true;
                else if (input is RobotInput.Voice voice) await OnVoiceAsync(voice.Event);
            }
        }
        if (_hangUp && !_lineEnded) await _line.HangUpAsync();
        await _log.FinishAsync(_conversation.Result!);
    }
}
