using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Diagnostics;

namespace Huawu.Telephony.Engine;

/// <summary>
/// Where inbound calls go until an upper layer sets its own handler: the diagnostic extensions answer; a local
/// extension's phones ring and the caller is bridged to the one that answers; anything else is unknown (404).
/// </summary>
internal sealed class Dialplan
{
    private readonly TelephonyOptions _options;
    private readonly DiagnosticExtensions _diagnostics;
    private readonly ExtensionCalls _extensions;

    public Dialplan(TelephonyOptions options, DiagnosticExtensions diagnostics, ExtensionCalls extensions)
    {
        _options = options;
        _diagnostics = diagnostics;
        _extensions = extensions;
    }

    public Task HandleAsync(ICall call)
    {
        if (_diagnostics.TryGetHandler(call.To, out var diagnostic)) return diagnostic(call);
        if (_options.Extensions.Exists(e => e.Number == call.To)) return _extensions.ConnectAsync(call);
        return call.HangupAsync(HangupCause.UnallocatedNumber);
    }
}
