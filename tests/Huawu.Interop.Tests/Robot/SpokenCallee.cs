using System.Globalization;
using System.Text;
using Huawu.Media.Dsp;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.Audio;
using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.Wire;
using MediaG711 = Huawu.Media.Codecs.G711;

namespace Huawu.Interop.Tests.Robot;

/// <summary>One thing the callee says: <see cref="Phrase"/>, started <see cref="AtMs"/> after the call is answered.</summary>
internal sealed record CalleeTurn(int AtMs, string Phrase);

/// <summary>
/// A callee who speaks: espeak-ng's voice (its CLI; the node's engine is internal to Huawu.Speech) brought down to 8 kHz
/// and written as PCMU RTP captures that SIPp plays into the call at fixed times (<c>uas_robot_speaks.xml</c>).
/// </summary>
internal static class SpokenCallee
{
    private const int EdgeSilenceSamples = 4000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The callee's scenario, its turns written into a private copy of the template.</summary>
    public static async Task<SippScenario> ScenarioAsync(PeerDirectory files, params CalleeTurn[] turns)
    {
        var steps = new StringBuilder();
        var previous = 0;
        ushort sequence = 0;
        for (var i = 0; i < turns.Length; i++)
        {
            var pcap = files.File(string.Create(CultureInfo.InvariantCulture, $"callee-{i}.pcap"));
            // One source for the whole call: each turn goes on from the last one's sequence numbers, its timestamps at its start time.
            sequence += await WritePhraseAsync(turns[i].Phrase, pcap, sequence, (uint)turns[i].AtMs * 8);
            steps.Append(CultureInfo.InvariantCulture, $"""
                  <pause milliseconds="{turns[i].AtMs - previous}"/>
                  <nop><action><exec play_pcap_audio="{pcap}"/></action></nop>

                """);
            previous = turns[i].AtMs;
        }
        var scenario = files.File("uas_robot_speaks.xml");
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Robot", "Scenarios", "uas_robot_speaks.xml"));
        await File.WriteAllTextAsync(scenario, template.Replace("@TURNS@", steps.ToString(), StringComparison.Ordinal));
        return SippScenario.FromFile(scenario);
    }

    /// <summary>
    /// Says <paramref name="phrase"/> with espeak-ng (en-us, 22 050 Hz) and writes it as 8 kHz µ-law RTP to <paramref name="pcap"/>,
    /// numbered from <paramref name="firstSequence"/> and <paramref name="firstTimestamp"/>; returns the number of packets.
    /// </summary>
    public static async Task<ushort> WritePhraseAsync(string phrase, string pcap, ushort firstSequence = 0, uint firstTimestamp = 0)
    {
        var wav = Path.ChangeExtension(pcap, ".wav");
        await using (var espeak = PeerProcess.Start("espeak-ng", ["-v", "en-us", "-w", wav, phrase]))
        {
            Assert.True(await espeak.WaitForExitAsync(Patience) == 0, espeak.Describe());
        }
        var voice = PcmAudio.ReadWav(wav);
        Assert.Equal(1, voice.Channels);
        var toLine = new PolyphaseResampler(voice.SampleRate, 8000);
        var narrow = new short[toLine.MaxOutputLength(voice.Samples.Count) + 64];
        var written = toLine.Process(voice.Samples.ToArray(), narrow);
        written += toLine.Flush(narrow.AsSpan(written));
        // A phone sends its line's silence around the words, as the recognizer's own tests give it half a second either side.
        var codes = new byte[written + (2 * EdgeSilenceSamples)];
        codes.AsSpan().Fill(RtpPcapWriter.MuLawSilence);
        MediaG711.EncodeMuLaw(narrow.AsSpan(0, written), codes.AsSpan(EdgeSilenceSamples, written));
        RtpPcapWriter.WritePcmu(pcap, codes, firstSequence, firstTimestamp);
        return (ushort)((codes.Length + 159) / 160);
    }
}
