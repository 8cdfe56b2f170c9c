using Huawu.Robot.Dialogue;
using Huawu.Speech.Pipeline;

namespace Huawu.Robot.Runtime;

// The voice's events as conversation inputs. Turn events of a turn that is no longer the open one are late results
// of an old question and are dropped.
public sealed partial class RobotCall
{
    private async Task OnVoiceAsync(PipelineEvent happened)
    {
        switch (happened)
        {
            case PipelineEvent.PlaybackEnded ended:
                await OnPlaybackEndedAsync(ended);
                break;
            case PipelineEvent.BargedIn barged when barged.Turn == _turn:
                await HandleAsync(new BargeIn());
                break;
            case PipelineEvent.Recognized recognized when recognized.Turn == _turn:
                await OnHeardAsync(recognized);
                break;
            case PipelineEvent.NoMatch noMatch when noMatch.Turn == _turn:
                await OnHeardAsync(noMatch);
                break;
            case PipelineEvent.KeysEntered keys when keys.Turn == _turn:
                _turn = 0;
                await _log.AppendAsync(new RobotSegment(RobotSegment.Customer, keys.At, keys.At, "DTMF " + keys.Keys, _turnNode, Intent: "dtmf"));
                await HandleAsync(new KeysPressed(keys.Keys));
                break;
            case PipelineEvent.NoInput noInput when noInput.Turn == _turn:
                _turn = 0;
                await HandleAsync(new NoInput());
                break;
            case PipelineEvent.TurnMeasured measured:
                _latencies.Add(measured.Latency);
                await _log.RecordLatencyAsync(_turnNode, measured.Latency);
                break;
        }
    }

    private async Task OnHeardAsync(PipelineEvent answer)
    {
        _turn = 0;
        var node = _turnNode;
        var (text, confidence, start, end) = answer switch
        {
            PipelineEvent.Recognized r => (r.Result.Text, (double)(r.Result.Confidence ?? 1f), r.SpeechStart, r.SpeechEnd),
            PipelineEvent.NoMatch m => (m.Result?.Text ?? "", 0d, m.At, m.At),
            _ => throw new ArgumentOutOfRangeException(nameof(answer)),
        };
        await HandleAsync(new Heard(text, confidence));
        if (text.Length == 0) return;
        var understood = _conversation.LastUnderstanding;
        await _log.AppendAsync(new RobotSegment(RobotSegment.Customer, start, end, text, node, understood?.Intent, understood?.Confidence ?? confidence));
    }

    private async Task OnPlaybackEndedAsync(PipelineEvent.PlaybackEnded ended)
    {
        if (!_playing.Remove(ended.Playback, out var line)) return;
        var start = ended.Started ?? ended.At;
        await _log.AppendAsync(new RobotSegment(RobotSegment.Robot, start, start + ended.Played, line.Text, line.NodeId));
        await ResumeWaitingAsync();
    }
}
