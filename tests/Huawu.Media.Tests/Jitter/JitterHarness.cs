using Huawu.Media.Codecs;
using Huawu.Media.Jitter;

namespace Huawu.Media.Tests.Jitter;

/// <summary>
/// Drives a µ-law jitter buffer with packets whose samples identify them: packet k holds one µ-law code
/// throughout, so a played frame tells which packet it came from.
/// </summary>
internal sealed class JitterHarness
{
    public const uint Ssrc = 0x1234;
    private const ushort FirstSequence = 65530; // wraps during the tests
    private const uint FirstTimestamp = uint.MaxValue - 800;

    public JitterHarness(JitterBufferOptions? options = null) =>
        Buffer = new JitterBuffer(AudioCodecs.Pcmu.CreateDecoder(), 8000, 8000, options ?? new JitterBufferOptions());

    public JitterBuffer Buffer { get; }

    public static byte CodeOf(int packet) => (byte)(0x80 + (packet % 120));

    public static short LevelOf(int packet) => G711Tables.MuLawDecode[CodeOf(packet)];

    public PutResult Put(int packet, uint ssrc = Ssrc, int samples = 160, uint timestampOffset = 0) =>
        Buffer.Put(ssrc, (ushort)(FirstSequence + packet), FirstTimestamp + timestampOffset + (uint)(packet * samples), Enumerable.Repeat(CodeOf(packet), samples).ToArray());

    /// <summary>
    /// Takes a frame: its kind and the packet it came from (-1 when mixed or not a whole packet). The first
    /// 4 ms are not compared: after concealment they cross-fade into the resumed audio.
    /// </summary>
    public (JitterFrameKind Kind, int Packet) Take()
    {
        var frame = new short[160];
        var kind = Buffer.Take(frame);
        return (kind, Identify(frame.AsSpan(32)));
    }

    public static int Identify(ReadOnlySpan<short> frame)
    {
        for (var packet = 0; packet < 120; packet++)
        {
            var level = LevelOf(packet);
            var all = true;
            foreach (var sample in frame) all &= sample == level;
            if (all) return packet;
        }
        return -1;
    }
}
