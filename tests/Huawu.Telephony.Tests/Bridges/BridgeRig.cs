using Huawu.Telephony.Calls;
using Huawu.Telephony.Tests.Engine;

namespace Huawu.Telephony.Tests.Bridges;

/// <summary>
/// Huawu as a B2BUA between phones: the rig's callee engine is the node under test, its caller engine plays the phones
/// (each call it places is one phone's line). <see cref="ConnectAsync"/> gives both ends of one line.
/// </summary>
internal static class BridgeRig
{
    /// <summary>A phone's call to the node, answered: the phone's end and the node's leg.</summary>
    public static async Task<(ICall Phone, ICall Leg)> ConnectAsync(EngineRig rig, AnsweringNode node, string name)
    {
        var placed = await rig.CallAsync(name).Within();
        Assert.True(placed.IsAnswered, placed.ToString());
        return (placed.Call!, await node.AnsweredAsync(name));
    }

    /// <summary>The frames (160 samples at 8 kHz) of <paramref name="samples"/> loud enough to be sound, each named by the candidate frequency it carries most.</summary>
    public static List<double> TonesPerFrame(short[] samples, params double[] candidates) =>
        [.. samples.Chunk(160).Where(frame => AudioProbe.Rms(frame) > 0.02).Select(frame => candidates.MaxBy(f => AudioProbe.ShareAt(frame, f, 8000)))];
}
