using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Engine;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SoftPhone;
using Huawu.Testing.Peers.Wire;

namespace Huawu.Interop.Tests.Calls;

/// <summary>
/// A conference of three real softphones, each sending its own sine: what Huawu sends each of them, taken from the
/// capture and decoded, carries the other two tones and not its own (Goertzel per 20 ms frame).
/// </summary>
public sealed class ConferenceInteropTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly int[] Tones = [500, 900, 1300];

    [Fact]
    public async Task Each_of_three_baresip_members_hears_the_other_two_and_not_itself()
    {
        var ports = PortBlock.Allocate(64);
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: false);
        var phones = await Task.WhenAll(Tones.Select((tone, i) => Baresip.StartAsync(new BaresipOptions
        {
            Ports = ports,
            Account = BaresipAccount.Direct($"member{i}", BaresipAnswerMode.Auto),
            AudioSource = BaresipAudioSource.Sine(tone),
        })));
        try
        {
            var conference = node.Engine.CreateConference("interop");
            foreach (var phone in phones)
            {
                var placed = await node.Engine.OriginateAsync(new OriginateRequest(phone.Uri)).WaitAsync(Patience);
                Assert.True(placed.IsAnswered, placed.ToString());
                Assert.True(await conference.AddAsync(placed.Call!));
            }
            await Task.Delay(3000);
            await conference.EndAsync();
            foreach (var phone in phones) await phone.WaitForEventAsync("CALL_CLOSED", timeout: Patience);
            var rtp = RtpStreams.From(await capture.StopAsync());

            Assert.Equal(3, node.Events.All<ConferenceMembershipChanged>().Count(e => e.Joined));
            for (var i = 0; i < phones.Length; i++)
            {
                var phonePorts = Enumerable.Range(phones[i].FirstRtpPort, phones[i].Options.RtpPortCount).ToHashSet();
                var toPhone = rtp.Where(s => phonePorts.Contains(s.Destination.Port)).MaxBy(s => s.Packets.Count);
                Assert.NotNull(toPhone);
                var heard = CallAudio.Decode(toPhone);
                Assert.True(AudioProbe.LoudFrames(heard, 8000) >= 75, $"member {i} was sent at least 1.5 s of sound");
                Assert.True(AudioProbe.ShareAtPerFrame(heard, Tones[i], 8000) < 0.02, $"member {i} is not sent its own {Tones[i]} Hz");
                foreach (var other in Enumerable.Range(0, phones.Length).Where(o => o != i))
                {
                    var share = AudioProbe.ShareAtPerFrame(heard, Tones[other], 8000);
                    Assert.True(share > 0.3, $"member {i} hears member {other}'s {Tones[other]} Hz: {share:F2}");
                }
            }
        }
        finally
        {
            foreach (var phone in phones) await phone.DisposeAsync();
        }
    }
}
