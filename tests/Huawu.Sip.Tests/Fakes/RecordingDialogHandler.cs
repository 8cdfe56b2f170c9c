using System.Collections.Concurrent;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;

namespace Huawu.Sip.Tests.Fakes;

/// <summary>A dialog handler that records every event, and answers in-dialog requests as told (200 by default).</summary>
internal sealed class RecordingDialogHandler : ISipDialogHandler
{
    public ConcurrentQueue<(SipDialog Dialog, SipServerTransaction Request)> Requests { get; } = new();

    public ConcurrentQueue<SipMessage> Acks { get; } = new();

    public ConcurrentQueue<SipDialog> AckTimeouts { get; } = new();

    public ConcurrentQueue<SipDialog> Forks { get; } = new();

    public ConcurrentQueue<SipDialog> Terminated { get; } = new();

    /// <summary>Every callback in order, as "request BYE", "ack", "ack timeout", "fork", "terminated".</summary>
    public ConcurrentQueue<string> Events { get; } = new();

    /// <summary>The status in-dialog requests are answered with; 0 leaves them unanswered.</summary>
    public int AnswerWith { get; set; } = 200;

    public bool KeepForks { get; set; }

    public void OnRequest(SipDialog dialog, SipServerTransaction request)
    {
        Requests.Enqueue((dialog, request));
        Events.Enqueue("request " + request.Request.Method.Name);
        if (AnswerWith != 0) request.Respond(AnswerWith);
    }

    public void OnAck(SipDialog dialog, SipMessage ack)
    {
        Acks.Enqueue(ack);
        Events.Enqueue("ack");
    }

    public void OnAckTimeout(SipDialog dialog)
    {
        AckTimeouts.Enqueue(dialog);
        Events.Enqueue("ack timeout");
    }

    public bool OnForkedDialog(SipDialog dialog)
    {
        Forks.Enqueue(dialog);
        Events.Enqueue("fork");
        return KeepForks;
    }

    public void OnTerminated(SipDialog dialog)
    {
        Terminated.Enqueue(dialog);
        Events.Enqueue("terminated");
    }
}
