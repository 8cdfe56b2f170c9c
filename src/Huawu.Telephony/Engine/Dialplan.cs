using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Diagnostics;

namespace Huawu.Telephony.Engine;

/// <summary>
/// Where inbound calls go until an upper layer sets its own handler: the diagnostic extensions answer; a local
/// extension cannot be reached yet (bridging to its phones comes with the B2BUA: 480); anything else is unknown (404).
/// </summary>
internal sealed class Dialplan
{
    private readonly TelephonyOptions _options;
    private readonly DiagnosticExtensions _diagnostics;

    public Dialplan(TelephonyOptions options, DiagnosticExtensions diagnostics)
    {
        _options = options;
        _diagnostics = diagnostics;
    }

    public Task HandleAsync(ICall call)
    {
        if (_diagnostics.TryGetHandler(call.To, out var diagnostic)) return diagnostic(call);
        var cause = _options.Extensions.Exists(e => e.Number == call.To) ? HangupCause.NoUserResponse : HangupCause.UnallocatedNumber;
        return call.HangupAsync(cause);
    }
}
