using Huawu.Media.Audio;
using Huawu.Testing.Peers.Wire;
using MediaG711 = Huawu.Media.Codecs.G711;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// The caller's side of a robot call as one capture SIPp plays: <see cref="Lead"/> of silence while the greeting plays,
/// then the prompt at the start of every period, silence in between. One continuous stream (sequence numbers and
/// timestamps running on, as a phone sends), so the node's jitter buffer sees one talker rather than a replay restarting.
/// </summary>
internal sealed record RobotConversation(string PcapFile, int Utterances, TimeSpan Length, TimeSpan UtteranceLength)
{
    private const int SampleRate = 8000;

    /// <summary>Silence before the first utterance: the parrot's greeting (one word here) is over by then.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(2);

    /// <summary>The phrase the prompt says, as the parrot's grammar has it (hello-world.wav: "hello world").</summary>
    public static string Phrase(string prompt) => prompt.Replace('-', ' ');

    public static RobotConversation Write(string directory, string prompt, TimeSpan duration, TimeSpan period)
    {
        var samples = AudioClip.Load($"/usr/share/asterisk/sounds/en/{prompt}.wav").Samples;
        var utterances = (int)(duration / period);
        var periodSamples = (int)(period.TotalSeconds * SampleRate);
        if (samples.Length >= periodSamples) throw new InvalidOperationException($"The prompt {prompt} is longer than the period {period}.");
        var leadSamples = (int)(Lead.TotalSeconds * SampleRate);
        var pcmu = new byte[leadSamples + (utterances * periodSamples)];
        pcmu.AsSpan().Fill(RtpPcapWriter.MuLawSilence);
        for (var i = 0; i < utterances; i++) MediaG711.EncodeMuLaw(samples, pcmu.AsSpan(leadSamples + (i * periodSamples)));
        var file = Path.Combine(directory, prompt + "-conversation.pcap");
        RtpPcapWriter.WritePcmu(file, pcmu);
        return new RobotConversation(file, utterances, TimeSpan.FromSeconds((double)pcmu.Length / SampleRate), TimeSpan.FromSeconds((double)samples.Length / SampleRate));
    }
}
