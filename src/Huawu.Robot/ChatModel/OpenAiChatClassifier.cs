using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace Huawu.Robot.ChatModel;

/// <summary>
/// The chat classifier over an OpenAI-compatible chat completions endpoint (the OpenAI package). One request per
/// consultation, no retries (the caller is waiting), bounded by the options' timeout; every failure — HTTP error,
/// timeout, unreadable reply, broken guardrail — is a fallback verdict, never an exception.
/// </summary>
internal sealed class OpenAiChatClassifier : IChatClassifier
{
    private readonly ChatClient _client;
    private readonly TimeSpan _timeout;

    public OpenAiChatClassifier(ChatModelOptions options)
    {
        _timeout = options.EffectiveTimeout;
        _client = new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey ?? "none"), new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            NetworkTimeout = _timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
    }

    public async Task<ModelVerdict> ClassifyAsync(ModelQuestion question, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(_timeout);
        ChatMessage[] messages = [new SystemChatMessage(ModelPrompt.System(question.Language)), new UserChatMessage(ModelPrompt.User(question))];
        var request = new ChatCompletionOptions
        {
            Temperature = 0,
            MaxOutputTokenCount = 300,
            ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat(),
        };
        try
        {
            ChatCompletion completion = await _client.CompleteChatAsync(messages, request, deadline.Token);
            var text = string.Concat(completion.Content.Select(part => part.Text));
            return ModelReplyCheck.Check(text, question);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return ModelVerdict.Fallback("the chat model did not answer in time");
        }
        catch (ClientResultException e)
        {
            return ModelVerdict.Fallback($"the chat model failed: HTTP {e.Status}");
        }
        catch (HttpRequestException e)
        {
            return ModelVerdict.Fallback("the chat model is unreachable: " + e.Message);
        }
    }
}
