using Huawu.Robot.ChatModel;
using Huawu.Robot.Dialogue;
using Huawu.Robot.Localization;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Rehearsal;

/// <summary>
/// <c>huawu script test FILE</c>: chat with a script in a terminal. Each line typed is what the callee says;
/// commands stand for the rest of a call (<c>/dtmf 1</c>, <c>/silence</c>, <c>/bargein</c>,
/// <c>/transfer answered|no_answer</c>, <c>/hangup</c>, <c>/quit</c>). Prints the robot's lines, the node, the
/// intent and its confidence after every turn.
/// </summary>
public static class ScriptConsole
{
    /// <summary>Runs until the call ends or the input does; returns 0, or 1 when required variables are missing.</summary>
    public static async Task<int> RunAsync(Script script, IReadOnlyDictionary<string, string> variables, TextReader input, TextWriter output,
        ScriptLanguage language, TimeProvider? time = null, IChatClassifier? classifier = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var created = Conversation.Create(script, new ConversationOptions(time ?? TimeProvider.System, variables, ChatModelAvailable: classifier is not null));
        if (created.Conversation is not { } conversation)
        {
            await output.WriteLineAsync(RehearsalTexts.Get(language, "missing-variables", string.Join(", ", created.MissingVariables)));
            return 1;
        }
        var driver = new ConversationDriver(conversation, classifier);
        var printer = new ActionPrinter(output, language);
        await output.WriteLineAsync(RehearsalTexts.Get(language, "help"));
        printer.Print(await driver.StartAsync(cancellation));
        while (!conversation.IsFinished && await input.ReadLineAsync(cancellation) is { } line)
        {
            if (line.Trim() is "/quit" or "/exit") break;
            if (line.Trim() == "/help")
            {
                await output.WriteLineAsync(RehearsalTexts.Get(language, "help"));
                continue;
            }
            if (Parse(line) is not { } turn)
            {
                await output.WriteLineAsync(RehearsalTexts.Get(language, "unknown-command", line.Trim()));
                continue;
            }
            printer.Print(await driver.HandleAsync(turn, cancellation));
            printer.Understood(conversation);
        }
        return 0;
    }

    /// <summary>A typed line as an input: plain text is speech; a command stands for another call event (null: unknown).</summary>
    internal static ConversationInput? Parse(string line)
    {
        var text = line.Trim();
        if (!text.StartsWith('/')) return new Heard(text);
        var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (parts[0], parts.Length > 1 ? parts[1] : null) switch
        {
            ("/dtmf", { } digits) => new KeysPressed(digits.Replace(" ", "", StringComparison.Ordinal)),
            ("/silence", null) => new NoInput(),
            ("/bargein", null) => new BargeIn(),
            ("/hangup", null) => new HungUp(),
            ("/transfer", "answered") => new TransferEnded(true),
            ("/transfer", "no_answer") => new TransferEnded(false),
            _ => null,
        };
    }
}
