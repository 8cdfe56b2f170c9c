using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Trunks;
using Huawu.Testing;

namespace Huawu.Telephony.Tests.Trunks;

/// <summary>The trunks from configuration, started and stopped together, with the status the call layer routes on.</summary>
public sealed class TrunkManagerTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly FakeSipSender _sender;
    private readonly List<TrunkEvent> _events = [];
    private readonly TrunkManager _trunks;

    public TrunkManagerTests()
    {
        _sender = new FakeSipSender(_time);
        _trunks = new TrunkManager(
            [
                new TrunkOptions { Name = "registering", Host = "198.51.100.20", Username = "acct", Password = "pw", Register = true, OptionsIntervalSeconds = 0 },
                new TrunkOptions { Name = "peering", Host = "198.51.100.30", OptionsIntervalSeconds = 30 },
            ],
            TrunkClientOptions.For(new SipOptions { PublicAddress = "203.0.113.1" }), _sender, _time, _events.Add);
    }

    [Fact] // Start registers only the trunks configured to register, and probes only those with an interval
    public void Start_registers_and_probes_per_configuration()
    {
        _trunks.Start();

        Assert.Equal(2, _sender.Sent.Count);
        Assert.Equal(SipMethod.Register, _sender.Sent[0].Message.Method);
        Assert.Equal("sip:198.51.100.20:5060", _sender.Sent[0].Message.RequestUri.ToString());
        Assert.Equal("sip:acct@203.0.113.1:5060", Assert.Single(_sender.Sent[0].Message.Contacts).Uri.ToString());
        Assert.Equal(SipMethod.Options, _sender.Sent[1].Message.Method);
        Assert.Equal("sip:198.51.100.30:5060", _sender.Sent[1].Message.RequestUri.ToString());
    }

    [Fact] // Status for routing: registration state and last status; health; usable unless Down
    public void Status_reflects_registration_and_health()
    {
        _trunks.Start();
        _sender.Sent[0].Respond(200, r => r.AddHeader(HeaderId.Expires, "600"));
        for (var i = 0; i < 3; i++)
        {
            _sender.Last.TimeOut();
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        var registering = _trunks.GetStatus("registering");
        var peering = _trunks.GetStatus("peering");

        Assert.Equal((TrunkRegistrationState.Registered, 200, TrunkHealth.Unknown, true),
            (registering.Registration, registering.LastRegistrationStatus, registering.Health, registering.IsUsable));
        Assert.Equal((TrunkRegistrationState.Unregistered, TrunkHealth.Down, false), (peering.Registration, peering.Health, peering.IsUsable));
        Assert.Contains(_events, e => e is TrunkHealthChanged { Trunk: "peering", Health: TrunkHealth.Down });
    }

    [Fact] // Shutdown: keepalives stop and registered trunks de-register
    public async Task Stop_deregisters_and_silences_keepalives()
    {
        _trunks.Start();
        _sender.Sent[0].Respond(200);
        _sender.Sent[1].Respond(200);

        var stopping = _trunks.StopAsync();
        Assert.Equal(0, _sender.Last.Message.Expires);
        _sender.Last.Respond(200);
        await stopping;
        var sent = _sender.Sent.Count;
        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(sent, _sender.Sent.Count);
        Assert.Equal(TrunkRegistrationState.Unregistered, _trunks.GetStatus("registering").Registration);
    }
}
