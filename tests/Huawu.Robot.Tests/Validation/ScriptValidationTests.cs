using Huawu.Robot.Scripts;
using Huawu.Robot.Tests.Support;
using Huawu.Robot.Validation;

namespace Huawu.Robot.Tests.Validation;

/// <summary>Each validation rule: the error names the node, the position (line and column) and the reason.</summary>
public sealed class ScriptValidationTests
{
    private const string Head = """
        format: huawu-script/1
        name: t
        language: en
        start: ask
        intents:
          agree:
            keywords: [yes]

        """;

    private static string With(string nodes, string extra = "") => Head + "nodes:\n" + nodes + extra;

    private const string Bye = """
          bye:
            say: Goodbye.
            hangup: done

        """;

    [Fact]
    public void A_minimal_script_loads()
    {
        var script = TestScripts.Load(With("""
              ask:
                say: Shall we?
                routes:
                  - intent: agree
                    goto: bye

            """ + Bye));
        Assert.Equal(["ask", "bye"], script.NodeIds);
        Assert.True(script.DisclosureEnabled);
    }

    [Fact]
    public void Yaml_syntax_errors_carry_the_position()
    {
        var error = TestScripts.Single("name: t\nnodes: [a, b\n", ScriptErrorCode.YamlSyntax);
        Assert.True(error.Position.Line >= 2);
    }

    [Fact]
    public void A_list_is_not_a_script() => TestScripts.Single("- a\n- b\n", ScriptErrorCode.NotAScript);

    [Fact]
    public void An_unknown_format_is_refused() =>
        Assert.Equal(["huawu-script/9"], TestScripts.Single("format: huawu-script/9\nname: t\n", ScriptErrorCode.UnsupportedFormat).Arguments);

    [Fact]
    public void A_typo_in_a_node_names_the_key_the_node_and_its_line_and_column()
    {
        var error = TestScripts.Single(With("""
              ask:
                sya: Shall we?
                say: Shall we?
                routes:
                  - intent: agree
                    goto: bye

            """ + Bye), ScriptErrorCode.UnknownKey);
        Assert.Equal("ask", error.NodeId);
        Assert.Equal("sya", error.Arguments[0]);
        Assert.Contains("say", error.Arguments[1], StringComparison.Ordinal);
        Assert.Equal(new SourcePosition(10, 5), error.Position);
        Assert.StartsWith("t.yaml:10:5: node 'ask': unknown key 'sya'", error.Format(ScriptLanguage.En, "t.yaml"), StringComparison.Ordinal);
        Assert.StartsWith("t.yaml:10:5: 节点 'ask'：未知的键 'sya'", error.Format(ScriptLanguage.Zh, "t.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_keys_are_named()
    {
        var errors = TestScripts.Errors("format: huawu-script/1\nlanguage: zh\nnodes: {}\n");
        Assert.Contains(errors, e => e.Code == ScriptErrorCode.MissingKey && e.Arguments[0] == "name");
        Assert.Contains(errors, e => e.Code == ScriptErrorCode.MissingKey && e.Arguments[0] == "start");
    }

    [Fact]
    public void Wrong_types_and_invalid_values_are_reported_with_what_is_allowed()
    {
        var errors = TestScripts.Errors(With("""
              ask:
                say: How much?
                max_rounds: many
                collect: {slot: amount, type: money}
                next: bye

            """ + Bye).Replace("language: en", "language: fr", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Code: ScriptErrorCode.WrongType, NodeId: "ask" } && e.Arguments[0] == "max_rounds");
        Assert.Contains(errors, e => e.Code == ScriptErrorCode.InvalidValue && e.Arguments[1] == "money" && e.Arguments[2].Contains("yes_no", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == ScriptErrorCode.InvalidValue && e.Arguments[1] == "fr");
    }

    [Fact]
    public void A_node_of_two_kinds_is_refused() =>
        Assert.Equal("bye", TestScripts.Single(With("""
              ask:
                say: Shall we?
                routes:
                  - intent: agree
                    goto: bye
              bye:
                say: Bye.
                hangup: done
                transfer: {queue: sales, goto: ask}

            """), ScriptErrorCode.ConflictingNodeKind).NodeId);

    [Fact]
    public void Unknown_targets_are_reported_wherever_they_are_written()
    {
        var errors = TestScripts.Errors(With("""
              ask:
                say: Shall we?
                routes:
                  - intent: agree
                    goto: nowhere
                  - intent: robot
                    goto: bye

            """ + Bye, "global:\n  busy: {then: {goto: elsewhere}}\n").Replace("start: ask", "start: missing", StringComparison.Ordinal));
        var unknown = errors.Where(e => e.Code == ScriptErrorCode.UnknownTargetNode).ToList();
        Assert.Equal(["elsewhere", "missing", "nowhere"], unknown.Select(e => e.Arguments[0]).Order(StringComparer.Ordinal));
        Assert.Equal(new SourcePosition(13, 15), unknown.Single(e => e.Arguments[0] == "nowhere").Position);
    }

    [Fact]
    public void Unreachable_nodes_are_reported_but_global_targets_are_reachable()
    {
        var error = TestScripts.Single(With("""
              ask:
                say: Shall we?
                routes:
                  - intent: agree
                    goto: bye
              orphan:
                say: Nobody comes here.
                hangup: never
              busy_bye:
                say: Later then.
                hangup: busy

            """ + Bye, "global:\n  busy: {then: {goto: busy_bye}}\n"), ScriptErrorCode.UnreachableNode);
        Assert.Equal("orphan", error.NodeId);
    }

    [Fact]
    public void A_listening_node_with_nothing_to_say_and_prompts_without_text_or_catalog_are_refused()
    {
        var errors = TestScripts.Errors(With("""
              ask:
                routes:
                  - intent: agree
                    goto: bye
              bye:
                prompt: bye_recording
                hangup: done

            """));
        Assert.Contains(errors, e => e is { Code: ScriptErrorCode.MissingPrompt, NodeId: "ask" });
        Assert.Contains(errors, e => e is { Code: ScriptErrorCode.PromptWithoutText, NodeId: "bye" });
        Assert.Contains(errors, e => e is { Code: ScriptErrorCode.UnknownPrompt, NodeId: "bye" } && e.Arguments[0] == "bye_recording");
    }

    [Fact]
    public void Undefined_variables_in_texts_and_conditions_are_named()
    {
        var errors = TestScripts.Errors(With("""
              ask:
                say: Hello {customer_name}, shall we?
                collect: {slot: agreed, type: yes_no}
                routes:
                  - when: agreed == true && budget > 10
                    goto: bye
                  - goto: bye

            """ + Bye, "variables: [name]\n"));
        var undefined = errors.Where(e => e.Code == ScriptErrorCode.UndefinedVariable).Select(e => e.Arguments[0]).Order(StringComparer.Ordinal);
        Assert.Equal(["budget", "customer_name"], undefined);
    }

    [Fact]
    public void Slots_counters_and_hits_are_defined_names()
    {
        TestScripts.Load(With("""
              ask:
                say: "{rounds} rounds so far, shall we?"
                collect: {slot: agreed, type: yes_no}
                routes:
                  - when: agreed == true && hits.agree >= 0 && hits.busy == 0 && business_questions >= 0
                    goto: bye
                  - goto: bye

            """ + Bye));
    }

    [Fact]
    public void Bad_templates_regexes_and_conditions_are_reported()
    {
        var errors = TestScripts.Errors(With("""
              ask:
                say: Hello {name
                routes:
                  - intent: agree
                    when: rounds >
                    goto: bye

            """ + Bye).Replace("keywords: [yes]", "keywords: [yes]\n    regex: ['(unclosed', '(a)\\1']", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == ScriptErrorCode.BadTemplate && e.NodeId == "ask");
        Assert.Contains(errors, e => e.Code == ScriptErrorCode.BadCondition && e.Arguments[0] == "rounds >");
        var regexes = errors.Where(e => e.Code == ScriptErrorCode.BadRegex).Select(e => e.Arguments[0]).ToList();
        // The second pattern is valid .NET but needs backtracking, which scripts may not use.
        Assert.Equal(["(unclosed", "(a)\\1"], regexes);
    }

    [Fact]
    public void Unknown_intents_and_intents_that_can_never_match_are_refused()
    {
        var errors = TestScripts.Errors(With("""
              ask:
                say: Shall we?
                routes:
                  - intent: agreee
                    goto: bye
                  - intent: silence
                    goto: bye
                  - intent: empty
                    goto: bye

            """ + Bye, "").Replace("    keywords: [yes]", "    keywords: [yes]\n  empty: {}", StringComparison.Ordinal));
        Assert.Equal(["agreee", "silence"], errors.Where(e => e.Code == ScriptErrorCode.UnknownIntent).Select(e => e.Arguments[0]));
        Assert.Equal("empty", Assert.Single(errors, e => e.Code == ScriptErrorCode.IntentCannotMatch).Arguments[0]);
    }

    [Fact]
    public void A_cycle_of_nodes_that_never_listen_is_refused_with_its_path()
    {
        var errors = TestScripts.Errors(With("""
              ask:
                say: Shall we?
                routes:
                  - intent: agree
                    goto: one
              one:
                say: One.
                next: two
              two:
                say: Two.
                next: one
              loop:
                branch:
                  - goto: loop

            """, "global:\n  busy: {then: {goto: loop}}\n"));
        var cycles = errors.Where(e => e.Code == ScriptErrorCode.CycleWithoutListen).ToList();
        Assert.Equal(2, cycles.Count);
        Assert.Contains(cycles, e => e.NodeId == "one" && e.Arguments[0] == "one → two → one");
        Assert.Contains(cycles, e => e.NodeId == "loop" && e.Arguments[0] == "loop → loop");
    }

    [Fact]
    public void A_cycle_through_a_listening_node_is_fine() =>
        TestScripts.Load(With("""
              ask:
                say: Shall we?
                routes:
                  - intent: agree
                    goto: again
              again:
                say: Once more.
                next: ask

            """));

    [Fact]
    public void Branches_and_collects_need_a_default_route()
    {
        var errors = TestScripts.Errors(With("""
              ask:
                say: How many?
                collect: {slot: n, type: number}
                routes:
                  - when: n > 3
                    goto: check
              check:
                branch:
                  - when: n > 5
                    goto: bye

            """ + Bye));
        Assert.Equal(["ask", "check"], errors.Where(e => e.Code == ScriptErrorCode.NoDefaultRoute).Select(e => e.NodeId));
    }

    [Fact]
    public void Duplicate_knowledge_ids_and_intents_named_like_global_ones_are_refused()
    {
        var errors = TestScripts.Errors(With("""
              ask:
                say: Shall we?
                routes:
                  - intent: agree
                    goto: bye

            """ + Bye, """
            knowledge:
              entries:
                - {id: rate, question: rate?, answer: Low.}
                - {id: rate, question: fees?, answer: None.}

            """).Replace("    keywords: [yes]", "    keywords: [yes]\n  busy:\n    keywords: [busy]", StringComparison.Ordinal));
        Assert.Equal(["busy", "rate"], errors.Where(e => e.Code == ScriptErrorCode.DuplicateId).Select(e => e.Arguments[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var errors = TestScripts.Errors(With("""
              ask:
                say: Hello {who}
                routes:
                  - intent: nothing
                    goto: nowhere
              lost:
                say: Lost.
                hangup: lost

            """));
        // In the order they appear in the file, whichever check found them.
        Assert.Equal(
            [ScriptErrorCode.UndefinedVariable, ScriptErrorCode.UnknownIntent, ScriptErrorCode.UnknownTargetNode, ScriptErrorCode.UnreachableNode],
            errors.Select(e => e.Code));
    }
}
