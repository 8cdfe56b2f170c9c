using Huawu.Robot.ChatModel;
using Huawu.Robot.Dialogue;

namespace Huawu.Robot.Rehearsal;

/// <summary>
/// Runs a conversation off the phone: answers its chat-model consultations with a classifier (or a fallback when
/// there is none) and returns every action, the consultations included, in the order they happened.
/// </summary>
internal sealed class ConversationDriver(Conversation conversation, IChatClassifier? classifier)
{
    public Task<List<RobotAction>> StartAsync(CancellationToken cancellation) => Settle(conversation.Start(), cancellation);

    public Task<List<RobotAction>> HandleAsync(ConversationInput input, CancellationToken cancellation) =>
        Settle(conversation.Handle(input), cancellation);

    private async Task<List<RobotAction>> Settle(IReadOnlyList<RobotAction> first, CancellationToken cancellation)
    {
        var all = new List<RobotAction>(first);
        var pending = first;
        // Each reply either settles the turn or leads to at most one more consultation (a new turn needs new input).
        while (pending.OfType<ConsultModelAction>().LastOrDefault() is { } consult)
        {
            var verdict = classifier is null
                ? ModelVerdict.Fallback("no chat model configured")
                : await classifier.ClassifyAsync(consult.Question, cancellation);
            pending = conversation.Handle(new ModelReplied(verdict));
            all.AddRange(pending);
        }
        return all;
    }
}
