namespace Huawu.Robot.ChatModel;

/// <summary>Makes the chat classifiers the runtime and the script tester use.</summary>
public static class ChatClassifiers
{
    /// <summary>A classifier over an OpenAI-compatible chat completions endpoint.</summary>
    public static IChatClassifier OpenAiCompatible(ChatModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OpenAiChatClassifier(options);
    }
}
