namespace Huawu.Server.Cli;

/// <summary>The one way verbs report failure: messages on standard error and a non-zero exit code.</summary>
internal static class CliErrors
{
    public const int Failure = 1;

    public static int Report(IEnumerable<string> errors)
    {
        foreach (var error in errors) Console.Error.WriteLine("huawu: " + error);
        return Failure;
    }
}
