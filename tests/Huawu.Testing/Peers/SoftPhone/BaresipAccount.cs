using System.Globalization;
using System.Text;

namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>How baresip answers an incoming call.</summary>
public enum BaresipAnswerMode
{
    /// <summary>Rings (180) until <see cref="Baresip.AcceptAsync"/>.</summary>
    Manual,

    /// <summary>Answers with early media (183) first.</summary>
    Early,

    /// <summary>Answers (200) at once.</summary>
    Auto,
}

/// <summary>
/// The one SIP account a <see cref="Baresip"/> runs, written as a line of baresip's <c>accounts</c> file:
/// <c>&lt;sip:user@domain&gt;;regint=…;auth_user=…;answermode=…;audio_codecs=…</c>.
/// Baresip 1.0.0 has no DTMF mode setting: it always sends RFC 4733 events, and only when the peer's SDP
/// offers or accepts telephone-event.
/// </summary>
public sealed record BaresipAccount
{
    public string User { get; init; } = "alice";

    /// <summary>The address-of-record's host[:port]; with a register interval, REGISTER goes there.</summary>
    public string Domain { get; init; } = "127.0.0.1";

    /// <summary>Seconds between registrations (RFC 3261 §10.2.1 Expires); zero never registers.</summary>
    public int RegisterIntervalSeconds { get; init; }

    public string? AuthUser { get; init; }

    public string? AuthPassword { get; init; }

    public BaresipAnswerMode AnswerMode { get; init; } = BaresipAnswerMode.Manual;

    /// <summary>The codecs offered and accepted, in preference order.</summary>
    public IReadOnlyList<G711> Codecs { get; init; } = [G711.Pcmu, G711.Pcma];

    /// <summary>The packet time baresip asks for, in milliseconds (SDP a=ptime).</summary>
    public int? PacketTimeMilliseconds { get; init; }

    /// <summary>A proxy every request goes through (<c>sip:host:port</c>), when it differs from the domain.</summary>
    public string? OutboundProxy { get; init; }

    /// <summary>An account that never registers: calls are dialled directly and received on baresip's own address.</summary>
    public static BaresipAccount Direct(string user = "alice", BaresipAnswerMode answerMode = BaresipAnswerMode.Manual) =>
        new() { User = user, AnswerMode = answerMode };

    /// <summary>An account that registers at <paramref name="registrar"/> (host:port) with digest credentials.</summary>
    public static BaresipAccount Registering(string user, string password, string registrar, int intervalSeconds = 3600) =>
        new() { User = user, Domain = registrar, RegisterIntervalSeconds = intervalSeconds, AuthUser = user, AuthPassword = password };

    public string Aor => $"sip:{User}@{Domain}";

    internal string ToAccountLine()
    {
        var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<{Aor};transport=udp>");
        line.Append(CultureInfo.InvariantCulture, $";regint={RegisterIntervalSeconds}");
        if (AuthUser is not null) line.Append(CultureInfo.InvariantCulture, $";auth_user={AuthUser}");
        if (AuthPassword is not null) line.Append(CultureInfo.InvariantCulture, $";auth_pass={AuthPassword}");
        line.Append(";answermode=").Append(AnswerMode.ToString().ToLowerInvariant());
        line.Append(";audio_codecs=").AppendJoin(',', Codecs.Select(c => c.EncodingName()));
        if (PacketTimeMilliseconds is { } ptime) line.Append(CultureInfo.InvariantCulture, $";ptime={ptime}");
        if (OutboundProxy is not null) line.Append(CultureInfo.InvariantCulture, $";outbound=\"{OutboundProxy}\"");
        return line.Append(";mwi=no").ToString();
    }
}
