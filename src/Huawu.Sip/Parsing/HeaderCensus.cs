using System.Runtime.CompilerServices;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Parsing;

/// <summary>
/// Where the headers checked on receipt first appear and how often, taken in one pass over the header table.
/// </summary>
internal struct HeaderCensus
{
    private const int SlotCount = 8;

    private Slots first;
    private Slots count;

    public static HeaderCensus Take(HeaderField[] fields)
    {
        var census = default(HeaderCensus);
        ((Span<int>)census.first).Fill(-1);
        for (var i = 0; i < fields.Length; i++)
        {
            var slot = SlotOf(fields[i].Id);
            if (slot < 0) continue;
            if (census.count[slot]++ == 0) census.first[slot] = i;
        }
        return census;
    }

    public readonly int Count(HeaderId id) => count[SlotOf(id)];

    /// <summary>The index of the first line of <paramref name="id"/> in the header table, or -1.</summary>
    public readonly int FirstIndex(HeaderId id) => first[SlotOf(id)];

    private static int SlotOf(HeaderId id) => id switch
    {
        HeaderId.Via => 0,
        HeaderId.From => 1,
        HeaderId.To => 2,
        HeaderId.CallId => 3,
        HeaderId.CSeq => 4,
        HeaderId.MaxForwards => 5,
        HeaderId.ContentLength => 6,
        HeaderId.ContentType => 7,
        _ => -1,
    };

    [InlineArray(SlotCount)]
    private struct Slots
    {
        private int element;
    }
}
