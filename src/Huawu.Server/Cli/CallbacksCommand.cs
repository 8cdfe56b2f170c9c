using System.CommandLine;
using System.Globalization;
using Huawu.Data.Audit;

namespace Huawu.Server.Cli;

/// <summary>
/// <c>huawu callbacks list|done</c>: callbacks the robot promised on calls outside campaigns (<c>huawu call</c>), for an operator to
/// make. A campaign's callbacks are its own numbers, scheduled in its queue (<c>huawu campaign status</c>).
/// </summary>
internal static class CallbacksCommand
{
    public static Command Create() => new("callbacks", "Callbacks promised on calls outside campaigns.") { List(), Done() };

    private static Command List()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("list", "List the callbacks still to make, oldest first (the number in full: it is to be dialled).") { config, data };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (_, store) =>
        {
            var open = await store.Callbacks.OpenAsync(cancellation);
            await store.Audit.AppendAsync(new AuditEvent(CliActor.Name, AuditAction.Exported, TargetType: "callback_requests",
                Detail: $"listed {open.Count} open callback requests"), cancellation);
            if (open.Count == 0) Console.WriteLine("no callbacks to make");
            foreach (var request in open)
            {
                var day = request.RequestedDate is { } date
                    ? $"asked for {date:yyyy-MM-dd}{(request.RequestedTime is { } time ? $" {time:HH:mm}" : "")}"
                    : "no day asked for";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{request.Id}\t{request.Phone ?? "(number erased)"}\t{request.Outcome}\t{day}\tpromised {request.CreatedAt:yyyy-MM-dd HH:mm}Z on call {request.CallUuid}"));
            }
            return 0;
        }, cancellation));
        return command;
    }

    private static Command Done()
    {
        var id = new Argument<long>("id") { Description = "The request's id (from 'huawu callbacks list')." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("done", "Close a request: the callee was called back (or it was dealt with otherwise).") { id, config, data };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (_, store) =>
        {
            var requestId = parse.GetValue(id);
            if (!await store.Callbacks.CloseAsync(requestId, CliActor.Name, cancellation)) return CliErrors.Report([$"no open callback request {requestId}"]);
            await store.Audit.AppendAsync(new AuditEvent(CliActor.Name, AuditAction.Updated, TargetType: "callback_request",
                TargetId: requestId.ToString(CultureInfo.InvariantCulture), Detail: "done"), cancellation);
            Console.WriteLine($"callback request {requestId}: done");
            return 0;
        }, cancellation));
        return command;
    }
}
