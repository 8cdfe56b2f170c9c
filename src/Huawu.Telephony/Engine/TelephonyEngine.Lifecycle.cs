using System.Net;
using System.Net.Sockets;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Signaling;
using Huawu.Telephony.Trunks;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Engine;

// Starting (bind, register) and stopping (hang up, de-register, close) the node's telephony.
public sealed partial class TelephonyEngine
{
    /// <summary>How long stopping waits for calls to end (487s, BYE answers) and trunks to de-register.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    /// <summary>Starts the media clock, binds every SIP listener (a port in use throws), then registers the trunks.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, Running, NotStarted) != NotStarted) throw new InvalidOperationException("The engine was started before.");
        _media.Start();
        _stack.Start();
        var signalling = SignallingListener();
        var client = new TrunkClientOptions
        {
            LocalHost = NodeAddresses.ForSignalling(_options, signalling),
            LocalPort = signalling.Port,
            UserAgent = _options.Sip.UserAgent,
        };
        _trunks = new TrunkManager(_options.Trunks, client, new StackRequestSender(_stack), _time, OnTrunkEvent);
        await ResolveTrunkHostsAsync(cancellationToken);
        _trunks.Start();
        _logger.LogInformation(
            "Telephony started: SIP on {Sip}; RTP on {RtpAddress} ports {RtpPorts}; media address {MediaAddress}",
            string.Join(", ", SipEndPoints), RtpAddress, RtpPorts, _legs.MediaAddress);
    }

    /// <summary>
    /// Refuses new calls, hangs up every call (BYE, CANCEL or a final response), waits a little for them to end and
    /// for the trunks to de-register, then closes the sockets. An engine never started just releases what it holds.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var previous = Interlocked.Exchange(ref _state, Stopped);
        if (previous == Stopped) return;
        if (previous == Running)
        {
            var legs = _calls.Values.ToList();
            _logger.LogInformation("Telephony stopping: hanging up {Count} call(s)", legs.Count);
            foreach (var leg in legs) await leg.HangupAsync(HangupCause.NormalClearing);
            await WithinGrace(Task.WhenAll(legs.Select(l => Task.WhenAll(l.Ended, l.ByeCompletion))), cancellationToken);
            if (_trunks is not null) await WithinGrace(_trunks.DisposeAsync().AsTask(), cancellationToken);
        }
        await _stack.DisposeAsync();
        _media.Dispose();
        _registrar.Dispose();
        _logger.LogInformation("Telephony stopped");
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task WithinGrace(Task work, CancellationToken cancellationToken)
    {
        try
        {
            await work.WaitAsync(ShutdownGrace, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Telephony stopping: gave up waiting after {Grace}", ShutdownGrace);
        }
    }

    /// <summary>Trunks named by host name are recognised by the addresses the name resolves to now.</summary>
    private async Task ResolveTrunkHostsAsync(CancellationToken cancellationToken)
    {
        foreach (var trunk in _trunkAddresses.TrunksToResolve.ToList())
        {
            try
            {
                _trunkAddresses.SetResolvedAddresses(trunk.Name, await Dns.GetHostAddressesAsync(trunk.Host, cancellationToken));
            }
            catch (SocketException exception)
            {
                _logger.LogWarning("Trunk {Trunk}: cannot resolve {Host} ({Error}); its calls will not be recognised", trunk.Name, trunk.Host, exception.SocketErrorCode);
            }
        }
    }
}
