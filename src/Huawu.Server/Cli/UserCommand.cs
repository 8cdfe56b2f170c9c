using System.CommandLine;
using Huawu.Data.Accounts;
using Huawu.Data.Audit;
using Huawu.Server.Accounts;

namespace Huawu.Server.Cli;

/// <summary><c>huawu user add NAME --role ROLE [--extension N]</c> (password on standard input) and <c>huawu user list</c>.</summary>
internal static class UserCommand
{
    public static Command Create() => new("user", "Manage the people who sign in to Huawu.") { Add(), List() };

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The username (letters, digits, . _ - @; case does not matter)." };
        var roles = new Option<string[]>("--role")
        {
            Description = "A role: " + string.Join(", ", Roles.All.Select(Roles.NameOf)) + ". Repeat for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var displayName = new Option<string?>("--display-name") { Description = "The name shown in the console. Default: the username." };
        var extension = new Option<string?>("--extension") { Description = "The extension this user answers as an agent (their phone registers as it)." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("add", "Create a user; the password is read from standard input.") { name, roles, displayName, extension, config, data };
        command.SetAction(async (parse, cancellation) =>
        {
            var parsedRoles = new List<Role>();
            foreach (var role in parse.GetValue(roles)!)
            {
                if (!Roles.TryParse(role, out var parsed)) return CliErrors.Report([$"--role: '{role}' is not one of {string.Join(", ", Roles.All.Select(Roles.NameOf))}"]);
                parsedRoles.Add(parsed);
            }
            if (DataSetup.Load(parse.GetValue(config), parse.GetValue(data), out var errors) is not { } setup) return CliErrors.Report(errors);
            if (PasswordInput.Read(out var passwordError) is not { } password) return CliErrors.Report([passwordError!]);
            return await setup.WithStoreAsync(async store =>
            {
                var username = parse.GetValue(name)!;
                var created = await store.Users.CreateAsync(
                    new NewUser(username, parse.GetValue(displayName) ?? username, PasswordHashing.Hash(password), parsedRoles), cancellation);
                if (created.Value is not { } user) return CliErrors.Report([created.Detail!]);
                if (parse.GetValue(extension) is { } number && await store.Agents.SetExtensionAsync(user.Id, number, cancellation) is { Succeeded: false } refused)
                {
                    return CliErrors.Report([$"--extension: {refused.Detail} (user {user.Username} was created without one)"]);
                }
                await store.Audit.AppendAsync(new AuditEvent(CliActor.Name, AuditAction.Created, TargetType: "user",
                    TargetId: user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Detail: "roles: " + string.Join(",", user.Roles.Select(Roles.NameOf))), cancellation);
                Console.WriteLine($"created user {user.Username} (id {user.Id}) with role(s) {string.Join(", ", user.Roles.Select(Roles.NameOf))}");
                return 0;
            }, cancellation);
        });
        return command;
    }

    private static Command List()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("list", "List users and their roles.") { config, data };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (_, store) =>
        {
            foreach (var user in await store.Users.ListAsync(cancellation))
            {
                Console.WriteLine($"{user.Id}\t{user.Username}\t{string.Join(",", user.Roles.Select(Roles.NameOf))}{(user.IsDisabled ? "\tdisabled" : "")}");
            }
            return 0;
        }, cancellation));
        return command;
    }
}
