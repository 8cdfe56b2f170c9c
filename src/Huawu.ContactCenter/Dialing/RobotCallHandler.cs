using System.Collections.Concurrent;
using Huawu.ContactCenter.Campaigns;
using Huawu.Data;
using Huawu.Robot.Runtime;
using Huawu.Robot.Scripts;
using Huawu.Robot.Storage;
using Huawu.Telephony.Calls;
using Microsoft.Extensions.Logging;

namespace Huawu.ContactCenter.Dialing;

/// <summary>
/// Answered campaign calls go to the robot when the campaign names a script version (<c>campaigns.script_version_id</c>):
/// the script runs on the call (<see cref="RobotOnCall"/>) with the contact's name and attributes as its variables, and
/// the call's outcome is the script's. A hand-off to an agent keeps the handler until the call ends, so the dialer counts
/// the call in progress and settles it once. Campaigns without a script get <paramref name="withoutScript"/>.
/// </summary>
public sealed class RobotCallHandler(DataStore store, IRobotServicesSource robots, IAnsweredCallHandler withoutScript, ILogger logger)
    : IAnsweredCallHandler
{
    /// <summary>The contact's name is the script's <c>customer_name</c> unless an attribute says otherwise.</summary>
    public const string CustomerNameVariable = "customer_name";

    private readonly ConcurrentDictionary<long, Task<(Script? Script, string? Error)>> _scripts = new();

    public async Task<AnsweredCallResult> HandleAsync(AnsweredCall answered, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(answered);
        if (answered.Campaign.ScriptVersionId is not { } versionId) return await withoutScript.HandleAsync(answered, cancellation);
        var call = answered.Call;
        try
        {
            var (script, error) = await _scripts.GetOrAdd(versionId, LoadAsync);
            if (script is null || !robots.TryGet(script, out var services, out error))
            {
                LogCannotRun(logger, answered.Campaign.Id, call.Id.ToString(), error);
                await call.HangupAsync(HangupCause.TemporaryFailure);
                return new AnsweredCallResult(CampaignOutcome.Failed);
            }
            var run = await RobotOnCall.RunAsync(call, script, await VariablesAsync(answered.Contact.ContactId, cancellation), services, cancellation: cancellation);
            if (run.Summary is not { } summary)
            {
                LogCannotRun(logger, answered.Campaign.Id, call.Id.ToString(), string.Join("; ", run.Problems));
                return new AnsweredCallResult(CampaignOutcome.Failed);
            }
            var asked = AskedCallback.Of(script, summary.Result);
            return new AnsweredCallResult(asked.Outcome, asked.RequestedDate, asked.RequestedTime);
        }
        finally
        {
            // After a hand-off the callee talks to the agent on this call: the attempt is over when the call is.
            await call.Ended.WaitAsync(cancellation);
        }
    }

    private async Task<(Script?, string?)> LoadAsync(long versionId)
    {
        if (await store.Scripts.GetAsync(versionId) is not { } version) return (null, $"script version {versionId} does not exist");
        var loaded = ScriptImporter.Load(version);
        return loaded.Script is { } script
            ? (script, null)
            : (null, $"script {version.Name} v{version.Version} does not load: {string.Join("; ", loaded.Errors.Take(3))}");
    }

    private async Task<IReadOnlyDictionary<string, string>> VariablesAsync(long contactId, CancellationToken cancellation)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (await store.Contacts.GetAsync(contactId, cancellation) is not { } contact) return variables;
        if (contact.Name is { Length: > 0 } name) variables[CustomerNameVariable] = name;
        foreach (var (key, value) in contact.Attributes) variables[key] = value;
        return variables;
    }

    private static void LogCannotRun(ILogger logger, long campaign, string call, string? reason) =>
        logger.LogError("Campaign {Campaign}: the robot cannot take call {Call}: {Reason}", campaign, call, reason);
}
