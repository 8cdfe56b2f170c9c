using System.Globalization;
using System.Text;

namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>
/// Writes the private <c>config</c> and <c>accounts</c> of one baresip instance. Only the modules a test needs
/// are loaded: no sound card driver (no alsa/pulse: no audio player, so nothing opens a device), no
/// stdio/cons UI (ctrl_tcp drives it), no STUN/TURN/ICE (loopback needs no NAT traversal).
/// </summary>
internal static class BaresipConfig
{
    public const string ModulePath = "/usr/lib/baresip/modules";

    public static void Write(string directory, BaresipOptions options, int sipPort, int controlPort, int firstRtpPort, string recordDirectory)
    {
        var source = options.AudioSource;
        var lastRtpPort = firstRtpPort + options.RtpPortCount - 1;
        var config = new StringBuilder();
        void Line(string name, string value = "") => config.Append(CultureInfo.InvariantCulture, $"{name}\t{value}\n");

        Line("poll_method", "epoll");
        Line("sip_listen", $"127.0.0.1:{sipPort}");
        Line("net_interface", "127.0.0.1");
        Line("call_local_timeout", "120");
        Line("call_max_calls", "4");
        // Empty player and alert devices, and no player module loaded: received audio is only decoded.
        Line("audio_player");
        Line("audio_alert");
        Line("audio_source", source.ToString());
        Line("ausrc_srate", source.SampleRate.ToString(CultureInfo.InvariantCulture));
        Line("ausrc_channels", source.Channels.ToString(CultureInfo.InvariantCulture));
        Line("audio_buffer", "20-160");
        Line("rtp_ports", $"{firstRtpPort}-{lastRtpPort}");
        Line("rtcp_mux", "no");
        Line("jitter_buffer_delay", "5-10");
        Line("rtp_stats", "no");
        Line("module_path", ModulePath);
        Line("module", "g711.so");
        Line("module", source.Module + ".so");
        if (options.RecordAudio)
        {
            // An audio filter: writes dump-<time>-dec.wav (what was received) and -enc.wav (what was sent).
            Line("module", "sndfile.so");
            Line("snd_path", recordDirectory);
        }
        Line("module_tmp", "account.so");
        Line("module_app", "menu.so");
        Line("module_app", "ctrl_tcp.so");
        Line("ctrl_tcp_listen", $"127.0.0.1:{controlPort}");
        // The menu would otherwise print call statistics on stdout every 100 ms and play ring tones.
        Line("statmode_default", "off");
        Line("ringback_disabled", "yes");

        File.WriteAllText(Path.Combine(directory, "config"), config.ToString());
        // The account is created over ctrl_tcp once it is connected (see Baresip.StartAsync), so that its
        // registration events are not sent before anyone listens.
        File.WriteAllText(Path.Combine(directory, "accounts"), "# accounts are created with 'uanew'\n");
    }
}
