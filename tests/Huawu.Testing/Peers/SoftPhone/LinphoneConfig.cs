using System.Globalization;
using System.Text;

namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>
/// Writes the private <c>linphonerc</c> of one linphone-daemon (liblinphone 5.1) and the environment it runs in.
/// SIP over UDP only (TCP and TLS off), IPv4 on 127.0.0.1 for SIP and RTP, no video, no echo canceller. There is no
/// sound card: with none, liblinphone's audio graph reads from and writes to an idle file player and recorder, so a
/// call sends RTP only while a WAV is played into it (<c>incall-player-start</c>).
/// </summary>
internal static class LinphoneConfig
{
    public static void Write(string path, LinphoneOptions options, int sipPort, int firstRtpPort)
    {
        var account = options.Account;
        var config = new StringBuilder();
        void Section(string name) => config.Append(CultureInfo.InvariantCulture, $"[{name}]\n");
        void Line(string name, object value) => config.Append(CultureInfo.InvariantCulture, $"{name}={value}\n");

        Section("sip");
        Line("sip_port", sipPort);
        Line("sip_tcp_port", 0);
        Line("sip_tls_port", 0);
        Line("use_ipv6", 0);
        Line("bind_address", "127.0.0.1");
        Line("contact", $"sip:{account.User}@127.0.0.1:{sipPort}");
        // DTMF as RFC 4733 events, never SIP INFO.
        Line("use_rfc2833", 1);
        Line("use_info", 0);
        Line("inc_timeout", 120);
        Line("default_proxy", account.Registers ? 0 : -1);
        Section("rtp");
        Line("audio_rtp_port", $"{firstRtpPort}-{firstRtpPort + options.RtpPortCount - 1}");
        Line("bind_address", "127.0.0.1");
        Line("nortp_timeout", 30);
        Section("sound");
        Line("echocancellation", 0);
        Section("video");
        Line("capture", 0);
        Line("display", 0);
        Line("automatically_initiate", 0);
        Line("automatically_accept", 0);
        if (account.Registers)
        {
            Section("proxy_0");
            Line("reg_proxy", $"<sip:{account.Domain};transport=udp>");
            Line("reg_identity", account.Aor);
            Line("reg_expires", account.RegisterExpiresSeconds);
            Line("reg_sendregister", 1);
            Line("publish", 0);
        }
        if (account.AuthPassword is not null)
        {
            // No realm: the credentials answer whichever realm challenges (RFC 3261 §22.1).
            Section("auth_info_0");
            Line("username", account.User);
            Line("passwd", account.AuthPassword);
        }
        File.WriteAllText(path, config.ToString());
    }

    /// <summary>
    /// A private HOME and XDG directories (liblinphone keeps its databases there and does not start without them), and
    /// no sound server or ALSA configuration: linphone must not find, and play a test's calls on, a real sound card.
    /// </summary>
    public static Dictionary<string, string> Environment(PeerDirectory directory)
    {
        var dataHome = directory.Folder(".local/share");
        Directory.CreateDirectory(Path.Combine(dataHome, "linphone"));
        var emptyAlsaConfig = directory.File("alsa.conf");
        File.WriteAllText(emptyAlsaConfig, "");
        return new Dictionary<string, string>
        {
            ["HOME"] = directory.Path,
            ["XDG_DATA_HOME"] = dataHome,
            ["XDG_CONFIG_HOME"] = directory.Folder(".config"),
            ["ALSA_CONFIG_PATH"] = emptyAlsaConfig,
            ["PULSE_SERVER"] = "unix:" + directory.File("no-pulse-server"),
        };
    }
}
