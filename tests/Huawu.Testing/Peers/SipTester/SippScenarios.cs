using System.Globalization;

namespace Huawu.Testing.Peers.SipTester;

/// <summary>
/// The scenario files of <c>tests/Huawu.Interop.Tests/Scenarios</c> (copied next to the test assembly), with
/// their keys filled in. Each file's header comment says what it does and checks.
/// </summary>
public static class SippScenarios
{
    /// <summary>The folder holding the scenario files: next to the test assembly, else in the source tree.</summary>
    public static string Folder { get; } = FindFolder();

    /// <summary>UAS: 180, 200 + SDP, answers re-INVITEs (hold/resume) with the RFC 3264 direction, waits for BYE.</summary>
    public static SippScenario UasAnswer(G711 codec = G711.Pcmu) => File("uas_answer.xml", codec);

    /// <summary>UAS: 200 + SDP, then sends BYE itself after the default pause (set <see cref="SippOptions.Pause"/>).</summary>
    public static SippScenario UasAnswerThenBye(G711 codec = G711.Pcmu) => File("uas_answer_then_bye.xml", codec);

    /// <summary>UAS trunk: 401 challenge, verifies the retried INVITE's digest for the credentials, answers; else 403.</summary>
    public static SippScenario UasChallenge401(string user, string password, G711 codec = G711.Pcmu) =>
        File("uas_challenge_401.xml", codec).WithKey("auth_user", user).WithKey("auth_pass", password);

    /// <summary>UAS trunk: 407 challenge, checks the retry's Proxy-Authorization realm, user and response shape; else 403.</summary>
    public static SippScenario UasChallenge407(string user, G711 codec = G711.Pcmu) =>
        File("uas_challenge_407.xml", codec).WithKey("auth_user", user);

    /// <summary>UAS: 180 and never answers; expects CANCEL, replies 200 and 487.</summary>
    public static SippScenario UasRingCancel() => File("uas_ring_cancel.xml");

    /// <summary>UAS: answers, expects a REFER to <paramref name="target"/>, accepts it and NOTIFYs 200, expects BYE.</summary>
    public static SippScenario UasRefer(string target, G711 codec = G711.Pcmu) =>
        File("uas_refer.xml", codec).WithKey("transfer_target", target);

    /// <summary>Registrar: 401 challenge, verifies the retried REGISTER's digest, 200 with Expires 3600; else 403.</summary>
    public static SippScenario UasRegisterChallenge(string user, string password) =>
        File("uas_register_challenge.xml").WithKey("auth_user", user).WithKey("auth_pass", password);

    /// <summary>Registrar: as <see cref="UasRegisterChallenge"/>, then expects the binding removed (Expires 0) with credentials.</summary>
    public static SippScenario UasRegisterUnregister(string user, string password) =>
        File("uas_register_unregister.xml").WithKey("auth_user", user).WithKey("auth_pass", password);

    /// <summary>UAS for load runs: 200 + PCMU SDP at once, waits for BYE.</summary>
    public static SippScenario UasLoad() => File("uas_load.xml");

    /// <summary>UAC: calls with PCMA + telephone-event, plays g711a.pcap (7.05 s), DTMF 1 and # (RFC 4733), BYE.</summary>
    public static SippScenario UacCallMedia() => File("uac_call_media.xml");

    /// <summary>UAC: calls, answers a 401 or 407 with credentials from -au/-ap, holds for the default pause, BYE.</summary>
    public static SippScenario UacCallDigest() => File("uac_call_digest.xml");

    /// <summary>UAC: calls and CANCELs after 180; expects 200 and 487.</summary>
    public static SippScenario UacCancel() => File("uac_cancel.xml");

    /// <summary>UAC: REGISTER, answers the 401 with credentials from -au/-ap, expects 200.</summary>
    public static SippScenario UacRegisterDigest() => File("uac_register_digest.xml");

    /// <summary>UAC: OPTIONS ping, expects 200 with INVITE in Allow.</summary>
    public static SippScenario UacOptions() => File("uac_options.xml");

    /// <summary>UAC: calls, ACKs and waits (up to 20 s) for the far end's BYE, which it answers 200.</summary>
    public static SippScenario UacRemoteBye() => File("uac_remote_bye.xml");

    /// <summary>UAC for load runs: INVITE, ACK, hold for the default pause, BYE.</summary>
    public static SippScenario UacLoad() => File("uac_load.xml");

    private static SippScenario File(string name, G711? codec = null)
    {
        var scenario = SippScenario.FromFile(Path.Combine(Folder, name));
        return codec is { } audio
            ? scenario.WithKey("audio_pt", ((int)audio).ToString(CultureInfo.InvariantCulture)).WithKey("audio_codec", audio.EncodingName())
            : scenario;
    }

    private static string FindFolder()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Scenarios");
        return Directory.Exists(beside)
            ? beside
            : Path.Combine(SharedData.RepositoryRoot, "tests", "Huawu.Interop.Tests", "Scenarios");
    }
}
