namespace Huawu.Telephony.Configuration;

/// <summary>An inclusive UDP port range written <c>A-B</c>, as in the configuration file and <c>--rtp-ports</c>.</summary>
public readonly record struct PortRange(int First, int Last)
{
    /// <summary>RTP needs an even port and the odd one after it for RTCP (RFC 3550 §11), so at least two.</summary>
    public int PairCount => (Last - First + 1) / 2;

    public static bool TryParse(string? text, out PortRange range, out string error)
    {
        range = default;
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var first) || !int.TryParse(parts[1], out var last))
        {
            error = $"'{text}' is not a port range; write it as A-B, e.g. 20000-29999";
            return false;
        }
        if (first is < 1024 or > 65535 || last is < 1024 or > 65535)
        {
            error = $"ports must lie in 1024-65535, got {first}-{last}";
            return false;
        }
        if (last - first < 1)
        {
            error = $"the range {first}-{last} holds no RTP/RTCP port pair";
            return false;
        }
        range = new PortRange(first, last);
        error = "";
        return true;
    }

    public override string ToString() => $"{First}-{Last}";
}
