namespace Huawu.Robot.ChatModel;

/// <summary>
/// Where the OpenAI-compatible chat model is (any server speaking the chat completions API: OpenAI, a local vLLM or
/// Ollama, a provider's gateway), which model, its key, and how long a call may wait for it before the script goes
/// on without it.
/// </summary>
public sealed record ChatModelOptions(Uri Endpoint, string Model, string? ApiKey = null, TimeSpan? Timeout = null)
{
    /// <summary>A caller is waiting on the line: two seconds, then the script answers by itself.</summary>
    public TimeSpan EffectiveTimeout => Timeout ?? TimeSpan.FromSeconds(2);
}
