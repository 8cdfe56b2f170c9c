namespace Huawu.ContactCenter.Acd;

/// <summary>The order in which a queue offers a call: the free members, the one idle longest first, ties in the configured order.</summary>
internal static class MemberPicker
{
    public static List<string> Order(IEnumerable<string> extensions, Func<string, bool> isFree, Func<string, DateTimeOffset> idleSince) =>
        // OrderBy is stable: members idle equally long keep the configured order.
        [.. extensions.Distinct(StringComparer.Ordinal).Where(isFree).OrderBy(idleSince)];
}
