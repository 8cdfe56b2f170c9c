using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Trunks;
using Huawu.Testing;

namespace Huawu.Telephony.Tests.Trunks;

/// <summary>OPTIONS keepalive (RFC 3261 §11): Up on any response, Down after consecutive silences, events on change only.</summary>
public sealed class TrunkKeepaliveTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly FakeSipSender _sender;
    private readonly List<TrunkEvent> _events = [];
    private readonly TrunkKeepalive _keepalive;

    public TrunkKeepaliveTests()
    {
        _sender = new FakeSipSender(_time);
        var trunk = new TrunkOptions { Name = "carrier", Host = "198.51.100.20", Port = 5060, Transport = SipTransportKind.Tcp, OptionsIntervalSeconds = 30 };
        _keepalive = new TrunkKeepalive(trunk, new TrunkClientOptions { LocalHost = "203.0.113.1", KeepaliveFailuresForDown = 3 }, _sender, _time, _events.Add);
    }

    public void Dispose() => _keepalive.Dispose();

    private List<TrunkHealth> Changes => [.. _events.Cast<TrunkHealthChanged>().Select(e => e.Health)];

    [Fact] // §11.1: an OPTIONS at start and every interval, addressed to the trunk over its transport
    public void Probes_go_out_at_start_and_every_interval()
    {
        _keepalive.Start();
        var probe = Assert.Single(_sender.Sent);
        Assert.Equal(SipMethod.Options, probe.Message.Method);
        Assert.Equal("sip:198.51.100.20:5060;transport=tcp", probe.Message.RequestUri.ToString());
        Assert.Equal(TrunkHealth.Unknown, _keepalive.Health);
        probe.Respond(200);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Single(_sender.Sent);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, _sender.Sent.Count);
        Assert.NotEqual(_sender.Sent[0].Message.CallId, _sender.Sent[1].Message.CallId);
    }

    [Theory] // Any final response proves reachability: a 404 or a 407 as much as a 200
    [InlineData(200)]
    [InlineData(404)]
    [InlineData(407)]
    [InlineData(503)]
    public void Any_response_makes_the_trunk_up(int status)
    {
        _keepalive.Start();
        _sender.Last.Respond(status);

        Assert.Equal(TrunkHealth.Up, _keepalive.Health);
        var change = Assert.IsType<TrunkHealthChanged>(Assert.Single(_events));
        Assert.Equal(status, change.StatusCode);
    }

    [Fact] // Down only after three consecutive silences; a response in between resets the count; back Up on the next answer
    public void Consecutive_timeouts_make_the_trunk_down_and_an_answer_brings_it_back()
    {
        _keepalive.Start();
        _sender.Last.Respond(200);
        Probe(s => s.TimeOut());
        Probe(s => s.FailTransport());
        Probe(s => s.Respond(200));
        Probe(s => s.TimeOut());
        Probe(s => s.TimeOut());
        Assert.Equal(TrunkHealth.Up, _keepalive.Health);

        Probe(s => s.FailTransport());
        Assert.Equal(TrunkHealth.Down, _keepalive.Health);
        Probe(s => s.TimeOut());
        Probe(s => s.Respond(200));

        Assert.Equal([TrunkHealth.Up, TrunkHealth.Down, TrunkHealth.Up], Changes);
    }

    [Fact] // One probe at a time: a tick that finds the last one unanswered sends nothing
    public void A_tick_while_a_probe_is_outstanding_is_skipped()
    {
        _keepalive.Start();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Single(_sender.Sent);

        _sender.Last.TimeOut();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, _sender.Sent.Count);
    }

    [Fact]
    public void An_interval_of_zero_turns_keepalives_off()
    {
        using var off = new TrunkKeepalive(
            new TrunkOptions { Name = "quiet", Host = "198.51.100.21", OptionsIntervalSeconds = 0 },
            new TrunkClientOptions { LocalHost = "203.0.113.1" }, _sender, _time, _events.Add);

        off.Start();
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Empty(_sender.Sent);
        Assert.Equal(TrunkHealth.Unknown, off.Health);
    }

    [Fact]
    public void Stop_ends_the_probes_and_ignores_a_late_answer()
    {
        _keepalive.Start();
        _keepalive.Stop();
        _sender.Last.Respond(200);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Single(_sender.Sent);
        Assert.Empty(_events);
    }

    private void Probe(Action<SentRequest> answer)
    {
        _time.Advance(TimeSpan.FromSeconds(30));
        answer(_sender.Last);
    }
}
