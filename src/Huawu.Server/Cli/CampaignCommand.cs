using System.CommandLine;
using System.Globalization;
using Huawu.ContactCenter.Campaigns;
using Huawu.Data;
using Huawu.Data.Audit;
using Huawu.Data.Protection;
using Huawu.Server.Api.Campaigns;

namespace Huawu.Server.Cli;

/// <summary>
/// <c>huawu campaign create|list|start|pause|resume|stop|status</c>: campaigns on the store; running nodes' dialers follow the status within
/// a second. Trunks are checked against the configuration (<c>--config</c>).
/// </summary>
internal static class CampaignCommand
{
    public static Command Create() => new("campaign", "Manage outbound campaigns.")
    {
        CreateCampaign(), List(),
        Move("start", "Queue the lists' numbers and start dialing.", (s, id, c) => s.StartAsync(id, c)),
        Move("pause", "Place no new calls (calls in progress finish).", (s, id, c) => s.PauseAsync(id, c)),
        Move("resume", "Dial again (numbers added to the lists meanwhile are queued).", (s, id, c) => s.ResumeAsync(id, c)),
        Move("stop", "Stop for good (start again to call those still due).", (s, id, c) => s.StopAsync(id, c)),
        Status(),
    };

    private static Command CreateCampaign()
    {
        var name = new Argument<string>("name") { Description = "The campaign's name (unique)." };
        var lists = new Option<string[]>("--list") { Description = "A contact list (name or id) to call; repeatable.", Required = true, AllowMultipleArgumentsPerToken = true };
        var trunks = new Option<string[]>("--trunk") { Description = "A configured trunk to dial through; repeatable (used in turn).", Required = true, AllowMultipleArgumentsPerToken = true };
        var callerIds = new Option<string[]>("--caller-id") { Description = "A caller ID to present; repeatable (used in turn). Default: the trunk's.", AllowMultipleArgumentsPerToken = true };
        var purpose = new Option<string>("--purpose") { Description = "service (reminders, notices, collections) or marketing: consent rules differ.", DefaultValueFactory = _ => "service" };
        var hours = new Option<string?>("--hours") { Description = "When the campaign runs, in its zone: e.g. 'mon-fri 09:00-12:00,14:00-20:00; sat 10:00-16:00'. Default daily 09:00-20:00." };
        var holidays = new Option<string?>("--holidays") { Description = "Skip this holiday calendar's days (cn, us, fr)." };
        var zone = new Option<string?>("--zone") { Description = "The campaign's time zone (IANA). Default: the dialer's default zone." };
        var concurrent = new Option<int>("--max-concurrent") { Description = "Calls at once.", DefaultValueFactory = _ => 10 };
        var rate = new Option<double>("--rate") { Description = "New calls per second per trunk.", DefaultValueFactory = _ => 1 };
        var ring = new Option<int>("--ring-timeout") { Description = "Seconds to let a call ring.", DefaultValueFactory = _ => 30 };
        var retries = new Option<string[]>("--retry")
        {
            Description = "OUTCOME=DELAY/MAX: retry busy, no_answer or failed after DELAY seconds, up to MAX attempts in all (default busy=300/3, no_answer=1800/3, failed=600/2).",
            AllowMultipleArgumentsPerToken = true,
        };
        var callbackOutcomes = new Option<string[]>("--callback-outcome")
        {
            Description = "A robot outcome that promises the callee a callback; repeatable (default busy and callback).",
            AllowMultipleArgumentsPerToken = true,
        };
        var callbackDelay = new Option<int>("--callback-delay") { Description = "Seconds after the call a callback is due when the callee named no day.", DefaultValueFactory = _ => 7200 };
        var maxCallbacks = new Option<int>("--max-callbacks") { Description = "Callbacks a number may get (0: never promise one).", DefaultValueFactory = _ => 2 };
        var priority = new Option<int>("--priority") { Description = "Higher dials first when campaigns share trunks.", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--number-format") { Description = "How numbers go in the INVITE: e164, digits or national.", DefaultValueFactory = _ => "e164" };
        var prompt = new Option<FileInfo?>("--prompt") { Description = "A WAV (8 kHz, 16-bit mono) played to answered calls until the robot runtime takes them; default a tone." };
        var script = new Option<long?>("--script-version") { Description = "The robot script version to run (when scripts exist)." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("create", "Create a campaign (a draft: start it with 'campaign start').")
        {
            name, lists, trunks, callerIds, purpose, hours, holidays, zone, concurrent, rate, ring, retries, callbackOutcomes, callbackDelay, maxCallbacks,
            priority, format, prompt, script, config, data,
        };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (setup, store) =>
        {
            var problems = new List<string>();
            var listIds = new List<long>();
            foreach (var list in parse.GetValue(lists)!)
            {
                var found = long.TryParse(list, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    ? await store.Contacts.GetListAsync(id, cancellation)
                    : await store.Contacts.FindListAsync(list, cancellation);
                if (found is null) problems.Add($"--list: no contact list '{list}'");
                else listIds.Add(found.Id);
            }
            if (!CampaignRequests.TryParse(parse.GetValue(purpose)!, out var callPurpose)) problems.Add("--purpose: marketing or service");
            if (!Enum.TryParse<NumberFormat>(parse.GetValue(format), ignoreCase: true, out var numberFormat)) problems.Add("--number-format: e164, digits or national");
            var defaults = new CampaignSettings();
            var retryRules = ParseRetries(parse.GetValue(retries) ?? [], defaults.Retries, problems);
            if (problems.Count > 0) return CliErrors.Report(problems);
            var settings = defaults with
            {
                Purpose = callPurpose,
                Trunks = parse.GetValue(trunks)!,
                CallerIds = parse.GetValue(callerIds) ?? [],
                Schedule = new CampaignSchedule { Windows = parse.GetValue(hours) ?? defaults.Schedule.Windows, Holidays = parse.GetValue(holidays), TimeZone = parse.GetValue(zone) },
                Limits = new CampaignLimits { MaxConcurrent = parse.GetValue(concurrent), CallsPerSecondPerTrunk = parse.GetValue(rate), RingTimeoutSeconds = parse.GetValue(ring) },
                Retries = retryRules,
                Callbacks = new CallbackRules
                {
                    Outcomes = parse.GetValue(callbackOutcomes) is { Length: > 0 } outcomes ? outcomes : defaults.Callbacks.Outcomes,
                    DelaySeconds = parse.GetValue(callbackDelay),
                    MaxCallbacks = parse.GetValue(maxCallbacks),
                },
                NumberFormat = numberFormat,
                Prompt = parse.GetValue(prompt)?.FullName,
            };
            var created = await Service(setup, store).CreateAsync(new CampaignDefinition(parse.GetValue(name)!, listIds, settings)
            {
                Priority = parse.GetValue(priority),
                ScriptVersionId = parse.GetValue(script),
            }, cancellation);
            if (created.Campaign is not { } campaign) return CliErrors.Report(created.Problems.Select(p => p.ToString()));
            await AuditAsync(store, campaign.Id, AuditAction.Created, "created", cancellation);
            Console.WriteLine($"created campaign {campaign.Name} (id {campaign.Id}), draft: start it with 'huawu campaign start {campaign.Id}'");
            return 0;
        }, cancellation));
        return command;
    }

    private static Command List()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("list", "List campaigns and their status.") { config, data };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (_, store) =>
        {
            foreach (var campaign in await store.Campaigns.ListAsync(cancellation))
                Console.WriteLine($"{campaign.Id}\t{campaign.Name}\t{campaign.Status}\tpriority {campaign.Priority}\tlists {string.Join(",", campaign.ListIds)}");
            return 0;
        }, cancellation));
        return command;
    }

    private static Command Move(string verb, string description, Func<CampaignService, long, CancellationToken, Task<CampaignChange>> move)
    {
        var campaign = new Argument<string>("campaign") { Description = "The campaign's id or name." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command(verb, description) { campaign, config, data };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (setup, store) =>
        {
            var service = Service(setup, store);
            if (await service.FindAsync(parse.GetValue(campaign)!, cancellation) is not { } found) return CliErrors.Report([$"no campaign '{parse.GetValue(campaign)}'"]);
            var changed = await move(service, found.Id, cancellation);
            if (!changed.Succeeded) return CliErrors.Report(changed.Problems.Select(p => p.ToString()));
            await AuditAsync(store, found.Id, AuditAction.Updated, verb, cancellation);
            Console.WriteLine($"campaign {found.Name} (id {found.Id}): {changed.Campaign!.Status}");
            return 0;
        }, cancellation));
        return command;
    }

    private static Command Status()
    {
        var campaign = new Argument<string>("campaign") { Description = "The campaign's id or name." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("status", "Show a campaign's rules and progress.") { campaign, config, data };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (setup, store) =>
        {
            var service = Service(setup, store);
            if (await service.FindAsync(parse.GetValue(campaign)!, cancellation) is not { } found) return CliErrors.Report([$"no campaign '{parse.GetValue(campaign)}'"]);
            var report = (await service.ReportAsync(found.Id, cancellation))!;
            var (c, s, n) = (report.Campaign, report.Settings, report.Numbers);
            Console.WriteLine($"campaign {c.Name} (id {c.Id}): {c.Status}, priority {c.Priority}, lists {string.Join(",", c.ListIds)}");
            Console.WriteLine($"  {Names.Of(s.Purpose)} calls through {string.Join(",", s.Trunks)}; hours {s.Schedule.Windows}{(s.Schedule.Holidays is { } h ? $" except {h} holidays" : "")}" +
                              $" ({s.Schedule.TimeZone ?? "default zone"}); at most {s.Limits.MaxConcurrent} at once, {s.Limits.CallsPerSecondPerTrunk}/s per trunk");
            Console.WriteLine($"  numbers: {n.Total} — pending {n.Pending} (due now {n.Due}), dialing {n.Dialing}, done {n.Done}");
            foreach (var (outcome, count) in n.ByOutcome.OrderBy(p => p.Key, StringComparer.Ordinal)) Console.WriteLine($"    latest {outcome}: {count}");
            Console.WriteLine($"  attempts: {report.Attempts.Values.Sum()}");
            foreach (var (outcome, count) in report.Attempts.OrderBy(p => p.Key, StringComparer.Ordinal)) Console.WriteLine($"    {outcome}: {count}");
            var callbacks = await store.CampaignQueue.CallbacksAsync(c.Id, cancellation);
            Console.WriteLine($"  callbacks ({string.Join(", ", s.Callbacks.Outcomes)} → after {s.Callbacks.DelaySeconds} s or the day asked for; " +
                              $"at most {s.Callbacks.MaxCallbacks} per number): {callbacks.Count} scheduled");
            foreach (var callback in callbacks)
            {
                Console.WriteLine($"    {callback.CallbackAt.ToUniversalTime():yyyy-MM-dd HH:mm}Z  {Masking.Phone(callback.Phone)} (contact {callback.ContactId}), " +
                                  $"attempts {callback.Attempts}, callback {callback.Callbacks} of {s.Callbacks.MaxCallbacks}");
            }
            return 0;
        }, cancellation));
        return command;
    }

    private static RetryRules ParseRetries(IEnumerable<string> entries, RetryRules rules, List<string> problems)
    {
        foreach (var entry in entries)
        {
            var parts = entry.Split('=', '/');
            if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var delay) ||
                !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var max))
            {
                problems.Add($"--retry {entry}: expected OUTCOME=DELAY/MAX, e.g. busy=300/3");
                continue;
            }
            var rule = new RetryRule(delay, max);
            switch (parts[0])
            {
                case "busy": rules = rules with { Busy = rule }; break;
                case "no_answer": rules = rules with { NoAnswer = rule }; break;
                case "failed": rules = rules with { Failed = rule }; break;
                default: problems.Add($"--retry {entry}: the outcome is busy, no_answer or failed"); break;
            }
        }
        return rules;
    }

    private static CampaignService Service(DataSetup setup, DataStore store) =>
        new(store, [.. setup.Configuration.Trunks.Select(t => t.Name)], TimeProvider.System);

    private static Task<AuditEntry> AuditAsync(DataStore store, long id, AuditAction action, string what, CancellationToken cancellation) =>
        store.Audit.AppendAsync(new AuditEvent(CliActor.Name, action, TargetType: "campaign", TargetId: id.ToString(CultureInfo.InvariantCulture), Detail: what), cancellation);
}
