using System.Diagnostics;
using Huawu.Speech.Asr;
using Huawu.Speech.Asr.Pocketsphinx;
using Huawu.Speech.Configuration;
using Huawu.Speech.Tests.Vad;

namespace Huawu.Speech.Tests.Asr.Pocketsphinx;

/// <summary>
/// Short answers as a robot's turn hands them to the recognizer: cut by the endpointer from its pre-roll, so 0.15–0.3 s
/// of line silence come before the words. Spoken as the demo's callees speak (espeak-ng at 120 words a minute, 8 kHz,
/// µ-law by sox) and recognized among about 50 phrases, as a node's grammar holds. Before the session started the decoder
/// at the speech, 16 of these 18 were missed or taken for another phrase ("yes" → nothing or "scam", "real agent" →
/// "sorry what"), and so were the demo's callees on live calls.
/// </summary>
public sealed class PreRollAnswersTests
{
    private static readonly string[] Answers = ["yes", "real agent", "do not call", "what is the offer", "is there a credit check", "human agent"];

    private static readonly string[] Grammar =
    [
        .. Answers, "sure", "okay", "of course", "nope", "not really", "robot", "a human", "say that again", "pardon", "busy",
        "not interested", "stop calling", "take me off", "scam", "complaint", "who are you", "what company", "sorry what",
        "an advisor", "talk to a person", "sounds good", "go ahead", "interested", "tell me more", "do you check my credit",
        "how long can i borrow for", "what are the repayment terms", "is the rate high", "this is not a good time",
        "what is the interest rate", "call me later", "wrong number", "are you a robot", "can you repeat that", "no thanks",
        "i am busy right now", "who is this", "how much can i borrow", "do not call me again", "i want to talk to a person",
    ];

    [Fact]
    public async Task Short_answers_after_the_pre_roll_of_line_silence_are_heard()
    {
        var options = new RecognitionOptions { Grammar = Grammar };
        var missed = new List<string>();
        foreach (var answer in Answers)
        {
            foreach (var lead in (string[])["0.15", "0.2", "0.3"])
            {
                // A fresh decoder each time, as a node's first calls get: pocketsphinx carries what it learnt of the
                // line (its cepstral mean) from one utterance to the next.
                using var recognizer = PocketsphinxRecognizer.TryCreate(new PocketsphinxAsrOptions(), 8000, out var error)
                                       ?? throw new InvalidOperationException(error);
                var results = await RecognitionRunner.RunAsync(recognizer, options, OverTheLine(answer, lead));
                if (results[^1].Text != answer) missed.Add($"'{answer}' after {lead} s heard as '{results[^1].Text}'");
            }
        }
        Assert.True(missed.Count <= 1, string.Join("; ", missed));
    }

    /// <summary>
    /// espeak-ng's words at 120 words a minute, made 8 kHz and cut from the quiet around them by sox (its silence effect:
    /// from where 10 ms stay above 0.5 % of full scale), then <paramref name="lead"/> seconds of line silence, the words
    /// and 0.2 s more through µ-law.
    /// </summary>
    private static short[] OverTheLine(string text, string lead)
    {
        var spoken = Path.Combine(Path.GetTempPath(), $"huawu-answer-{Guid.NewGuid():N}");
        try
        {
            var info = new ProcessStartInfo("espeak-ng") { UseShellExecute = false, RedirectStandardError = true };
            foreach (var argument in (string[])["-v", "en-us", "-s", "120", "-w", spoken + ".wav", text]) info.ArgumentList.Add(argument);
            using (var espeak = Process.Start(info) ?? throw new InvalidOperationException("espeak-ng did not start"))
            {
                Assert.True(espeak.WaitForExit(30_000) && espeak.ExitCode == 0, "espeak-ng failed: " + espeak.StandardError.ReadToEnd());
            }
            Sox.Run(spoken + ".wav", "-r", "8000", "-e", "signed", "-b", "16", spoken + "-words.wav",
                "silence", "1", "0.01", "0.5%", "reverse", "silence", "1", "0.01", "0.5%", "reverse");
            Sox.Run(spoken + "-words.wav", "-e", "u-law", spoken + "-line.wav", "pad", lead, "0.2");
            var (rate, line) = Sox.Read(spoken + "-line.wav");
            Assert.Equal(8000, rate);
            return line;
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(spoken) + "*")) File.Delete(file);
        }
    }
}
