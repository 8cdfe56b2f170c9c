using Huawu.Data.Storage;
using Huawu.Server.Accounts;
using Huawu.Server.Calls;
using Huawu.Server.Campaigns;
using Huawu.Speech.Configuration;
using Huawu.Telephony.Configuration;

namespace Huawu.Server.Configuration;

/// <summary>
/// The configuration file's shape (YAML, or JSON which YAML reads too); <c>config/huawu.example.yaml</c>
/// documents every key. Keys are snake_case; unknown keys are errors so a typo never goes unnoticed.
/// </summary>
public sealed class ServerConfiguration
{
    /// <summary>The data directory: database, recordings, logs. Relative paths are taken from the working directory.</summary>
    public string Data { get; set; } = "data";

    /// <summary>The database (SQLite in the data directory unless set) and where the data keys are.</summary>
    public DatabaseOptions Database { get; set; } = new();

    public HttpOptions Http { get; set; } = new();

    /// <summary>Sign-in rules: lockout, session lifetimes, token lifetimes, cookie flags.</summary>
    public AccountOptions Accounts { get; set; } = new();

    public SipOptions Sip { get; set; } = new();

    public RtpOptions Rtp { get; set; } = new();

    public List<TrunkOptions> Trunks { get; set; } = [];

    public List<ExtensionOptions> Extensions { get; set; } = [];

    /// <summary>The ACD's queues: members (extensions or agents), strategy, ring time per offer, longest wait.</summary>
    public List<QueueOptions> Queues { get; set; } = [];

    /// <summary>Whether a queue of that name is configured (a script's <c>transfer: {queue: …}</c>).</summary>
    public bool HasQueue(string name) => Queues.Exists(q => string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Extensions for checking a line: echo, tone, playback, and the speech parrot.</summary>
    public NodeDiagnosticsOptions Diagnostics { get; set; } = new();

    public CallOptions Calls { get; set; } = new();

    /// <summary>Which calls are recorded (encrypted on disk).</summary>
    public RecordingOptions Recording { get; set; } = new();

    /// <summary>How calls are written to the store: the queue, whether DTMF keys are kept.</summary>
    public CallRecordOptions CallRecords { get; set; } = new();

    public SpeechOptions Speech { get; set; } = new();

    /// <summary>Outbound campaigns on this node: whether it dials, its name in attempts, the default zone.</summary>
    public DialerConfiguration Dialer { get; set; } = new();

    public TelephonyOptions Telephony => new()
    {
        Sip = Sip,
        Rtp = Rtp,
        Trunks = Trunks,
        Extensions = Extensions,
        Diagnostics = Diagnostics.Telephony,
        Calls = Calls,
    };
}

/// <summary>The HTTP listener for the API, health checks and (later) the web console.</summary>
public sealed class HttpOptions
{
    public string Address { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 8080;
}
