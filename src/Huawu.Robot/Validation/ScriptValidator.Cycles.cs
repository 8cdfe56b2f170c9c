using Huawu.Robot.Scripts;

namespace Huawu.Robot.Validation;

internal sealed partial class ScriptValidator
{
    /// <summary>
    /// Say and branch nodes move on by themselves; a cycle made only of them would keep the robot talking (or
    /// looping silently) without ever giving the callee a turn. Found as strongly connected components (Tarjan).
    /// </summary>
    private void CheckCyclesWithoutListen()
    {
        var moving = _script.Nodes.Where(n => n.Kind is NodeKind.Say or NodeKind.Branch).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);

        IEnumerable<string> Successors(string id) => moving[id].Targets().Select(t => t.Id).Where(moving.ContainsKey).Distinct();

        // Recursion depth is bounded by the number of nodes in the script.
        void Visit(string id)
        {
            index[id] = low[id] = index.Count;
            stack.Push(id);
            onStack.Add(id);
            foreach (var next in Successors(id))
            {
                if (!index.TryGetValue(next, out var visited))
                {
                    Visit(next);
                    low[id] = Math.Min(low[id], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[id] = Math.Min(low[id], visited);
                }
            }
            if (low[id] != index[id]) return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            } while (member != id);
            if (component.Count > 1 || Successors(id).Contains(id)) ReportCycle(component, moving);
        }

        foreach (var id in moving.Keys.Where(id => !index.ContainsKey(id)).ToList()) Visit(id);
    }

    private void ReportCycle(List<string> component, Dictionary<string, ScriptNode> moving)
    {
        var ordered = _script.Nodes.Select(n => n.Id).Where(component.Contains).ToList();
        var first = moving[ordered[0]];
        _errors.Add(ScriptErrorCode.CycleWithoutListen, first.Id, first.Position, string.Join(" → ", ordered.Append(ordered[0])));
    }
}
