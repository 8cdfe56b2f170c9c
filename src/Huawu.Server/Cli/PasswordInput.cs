using System.Text;

namespace Huawu.Server.Cli;

/// <summary>
/// Reads a new password from standard input: the first line when input is piped (scripts), or typed twice
/// without echo at a terminal. Never from the command line, where other users could see it in the process list.
/// </summary>
internal static class PasswordInput
{
    public static string? Read(out string? error)
    {
        string? password;
        if (Console.IsInputRedirected)
        {
            password = Console.In.ReadLine();
        }
        else
        {
            password = Prompt("Password: ");
            if (password != Prompt("Repeat password: "))
            {
                error = "the passwords differ";
                return null;
            }
        }
        if (password is null || password.Length < Accounts.PasswordHashing.MinimumLength)
        {
            error = $"the password (read from standard input) must have at least {Accounts.PasswordHashing.MinimumLength} characters";
            return null;
        }
        error = null;
        return password;
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0) typed.Length--;
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
