using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;
using YamlDotNet.RepresentationModel;

namespace Huawu.Robot.Loading;

internal sealed partial class ScriptReader
{
    // The keys that make a node one kind or another; a node with two of them is refused.
    private static readonly (string Key, NodeKind Kind)[] KindKeys =
    [
        ("transfer", NodeKind.Transfer),
        ("hangup", NodeKind.HangUp),
        ("branch", NodeKind.Branch),
        ("collect", NodeKind.Collect),
        ("routes", NodeKind.Ask),
        ("next", NodeKind.Say),
    ];

    private List<ScriptNode> ReadNodes(MapReader top)
    {
        var nodes = new List<ScriptNode>();
        if (top.Map("nodes", required: true) is not { } map) return nodes;
        foreach (var (id, value, position) in map.Entries())
        {
            if (value is YamlMappingNode details) nodes.Add(ReadNode(new MapReader(details, _errors, id), id, position));
            else map.Report(ScriptErrorCode.WrongType, position, id, "a mapping");
        }
        return [.. nodes.SelectMany(WithCallbackOffer)];
    }

    /// <summary>
    /// A transfer with <c>fallback: callback</c> and no <c>goto</c> of its own gets three nodes after it: the offer
    /// (<c>ID.callback</c>, a yes/no question), and the hang-ups for yes (<c>callback</c>) and for anything else.
    /// </summary>
    private IEnumerable<ScriptNode> WithCallbackOffer(ScriptNode node)
    {
        if (node.Transfer is not { Fallback: TransferFallback.Callback, Goto: null } transfer)
        {
            yield return node;
            yield break;
        }
        var (offer, yes, no) = BuiltInGlobals.CallbackTexts(_language);
        var offerId = node.Id + ".callback";
        yield return node with { Transfer = transfer with { Goto = new NodeRef(offerId, node.Position) } };
        yield return new ScriptNode(offerId, NodeKind.Collect, node.Position)
        {
            Say = TextTemplate.TryParse(offer, node.Position, out _),
            Settings = node.Settings,
            Collect = new SlotSpec("callback_accepted", SlotType.YesNo, node.Position),
            Routes =
            [
                new Route(null, null, new Expressions.NameExpression("callback_accepted"), new NodeRef(offerId + "_yes", node.Position), node.Position),
                new Route(null, null, null, new NodeRef(offerId + "_no", node.Position), node.Position),
            ],
        };
        yield return new ScriptNode(offerId + "_yes", NodeKind.HangUp, node.Position)
        {
            Say = TextTemplate.TryParse(yes, node.Position, out _),
            Outcome = "callback",
        };
        yield return new ScriptNode(offerId + "_no", NodeKind.HangUp, node.Position)
        {
            Say = TextTemplate.TryParse(no, node.Position, out _),
            Outcome = "transfer_unanswered",
        };
    }

    private ScriptNode ReadNode(MapReader node, string id, SourcePosition position)
    {
        var kind = ReadKind(node);
        var settings = ReadSettings(node, _defaults);
        var result = new ScriptNode(id, kind, position)
        {
            Say = Template(node, node.LocatedText("say")),
            Prompt = node.LocatedText("prompt"),
            Reprompt = Template(node, node.LocatedText("reprompt")),
            Settings = settings,
            OnLimit = ReadContinuation(node, "on_limit"),
            Tags = [.. node.Texts("tags").Select(t => t.Text)],
            Set = ReadAssignments(node),
            Next = node.LocatedText("next") is { } next ? new NodeRef(next.Text, next.Position) : null,
            Routes = ReadRoutes(node, kind == NodeKind.Branch ? "branch" : "routes"),
            Collect = kind == NodeKind.Collect ? ReadSlot(node) : null,
            Transfer = kind == NodeKind.Transfer ? ReadTransfer(node) : null,
            Outcome = kind == NodeKind.HangUp ? node.Text("hangup") : null,
        };
        node.Finish();
        return result;
    }

    private static NodeKind ReadKind(MapReader node)
    {
        var present = KindKeys.Where(k => node.Has(k.Key)).ToList();
        // Collect nodes route on what they collected, and may fall through to next.
        var conflicting = present.Where(k => !(present.Any(p => p.Kind == NodeKind.Collect) && k.Key is "routes" or "next")).ToList();
        if (conflicting.Count > 1) node.Report(ScriptErrorCode.ConflictingNodeKind, node.Position, string.Join(", ", conflicting.Select(k => k.Key)));
        if (present.Count == 0) node.Report(ScriptErrorCode.MissingKey, node.Position, "next | routes | collect | branch | transfer | hangup");
        return present.Count == 0 ? NodeKind.HangUp : conflicting[0].Kind;
    }

    private static List<(string, TextTemplate)> ReadAssignments(MapReader node)
    {
        var assignments = new List<(string, TextTemplate)>();
        if (node.Map("set") is not { } map) return assignments;
        foreach (var (name, value, position) in map.Entries())
        {
            if (value is YamlScalarNode { Value: { } text } && Template(map, new LocatedText(text, MapReader.At(value))) is { } template)
            {
                assignments.Add((name, template));
            }
            else if (value is not YamlScalarNode)
            {
                map.Report(ScriptErrorCode.WrongType, position, name, "text");
            }
        }
        return assignments;
    }

    private static List<Route> ReadRoutes(MapReader node, string key)
    {
        var routes = new List<Route>();
        foreach (var item in node.List(key)?.Children ?? [])
        {
            if (item is not YamlMappingNode details)
            {
                node.Report(ScriptErrorCode.WrongType, MapReader.At(item), key, "a mapping");
                continue;
            }
            var route = node.Child(details);
            var intent = route.Text("intent");
            var dtmf = route.Text("dtmf");
            var when = route.LocatedText("when");
            var condition = Condition(route, when);
            var target = route.LocatedText("goto", required: true);
            route.Finish();
            if (target is not null && (when is null || condition is not null))
            {
                routes.Add(new Route(intent, dtmf, condition, new NodeRef(target.Text, target.Position), route.Position));
            }
        }
        return routes;
    }

    private static SlotSpec? ReadSlot(MapReader node)
    {
        if (node.Map("collect") is not { } collect) return null;
        var name = collect.LocatedText("slot", required: true);
        var type = collect.LocatedText("type", required: true);
        collect.Finish();
        if (name is null || type is null) return null;
        SlotType? slotType = type.Text switch
        {
            "number" => SlotType.Number,
            "date" => SlotType.Date,
            "yes_no" => SlotType.YesNo,
            "text" => SlotType.Text,
            _ => null,
        };
        if (slotType is { } known) return new SlotSpec(name.Text, known, name.Position);
        collect.Report(ScriptErrorCode.InvalidValue, type.Position, "type", type.Text, "number, date, yes_no, text");
        return null;
    }

    private static TransferSpec? ReadTransfer(MapReader node)
    {
        if (node.Map("transfer") is not { } transfer) return null;
        var queue = transfer.Text("queue");
        var extension = transfer.Text("extension");
        var seconds = transfer.Integer("no_answer_seconds", 5, 600) ?? 20;
        var fallback = transfer.LocatedText("fallback");
        var target = transfer.LocatedText("goto");
        transfer.Finish();
        if ((queue is null) == (extension is null))
        {
            transfer.Report(queue is null ? ScriptErrorCode.MissingKey : ScriptErrorCode.ConflictingNodeKind, transfer.Position, "queue | extension");
            return null;
        }
        var mode = fallback?.Text switch
        {
            null or "take_back" => TransferFallback.TakeBack,
            "callback" => TransferFallback.Callback,
            _ => Invalid(transfer, fallback, "fallback", "take_back, callback", TransferFallback.TakeBack),
        };
        if (mode == TransferFallback.TakeBack && target is null) transfer.Report(ScriptErrorCode.MissingKey, transfer.Position, "goto");
        return new TransferSpec(queue is null ? TransferTargetKind.Extension : TransferTargetKind.Queue, queue ?? extension!, seconds, mode,
            target is null ? null : new NodeRef(target.Text, target.Position));
    }
}
