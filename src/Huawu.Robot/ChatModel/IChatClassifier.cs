namespace Huawu.Robot.ChatModel;

/// <summary>Answers a <see cref="Dialogue.ConsultModelAction"/>: never throws for the model's failures, returns a fallback verdict.</summary>
public interface IChatClassifier
{
    Task<ModelVerdict> ClassifyAsync(ModelQuestion question, CancellationToken cancellation = default);
}
