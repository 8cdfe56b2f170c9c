namespace Huawu.Speech.Tests.Vad;

/// <summary>
/// Where people speak in each shared recording, established once by hand and kept as the expectation both engines are
/// held to. Nobody listened: each file was inspected as sox spectrograms (0–4 kHz, 90 dB range) and as 20 ms tables of
/// level, zero crossings and low-band share; silero's per-window decisions and the energy engine's were laid over them,
/// and every place they disagreed was looked at in the spectrogram and decided (harmonics with moving formants and
/// fricative noise between them are speech; isolated 20–80 ms decaying bursts are clicks; a steady broadband texture
/// without syllabic modulation is a noise bed). Utterance lengths were checked against the reference texts (about
/// 4–6 syllables per second of Mandarin, 2.5–3.5 words per second of English). Gaps shorter than the endpointer's
/// trailing silence are not listed. <see cref="Reference.Unscored"/> marks what stayed ambiguous: breaths, and one
/// long stretch of aepyx_8k that looks like speech yet silero scores 0.2–0.35.
/// </summary>
internal static class ReferenceSpeech
{
    public static readonly Reference[] All =
    [
        new("zh/aishell-BAC009S0724W0121.wav",
            "广州市房地产中介协会分析: 12 syllables, /k/ burst at 0.48 s, the final /ɕi/ fades by 3.68 s over a 50 Hz-band rumble.",
            Speech: [(0.48, 3.68)], Onsets: [0.48]),
        new("zh/aishell-BAC009S0764W0121.wav",
            "甚至出现交易几乎停滞的情况: 13 syllables; the retroflex fricative of 甚 starts at 0.46 s (silero wakes at the vowel, 0.58).",
            Speech: [(0.46, 3.68)], Onsets: [0.46]),
        new("zh/paddlespeech-zh.wav",
            "我认为跑步最重要的就是给我带来了身体健康: 19 syllables in two phrases split by 0.66 s; after 4.36 s only a faint hum below 200 Hz.",
            Speech: [(0.48, 2.22), (2.88, 4.36)], Onsets: [0.48, 2.88]),
        new("zh/funasr-asr_example.wav",
            "欢迎大家来体验达摩院推出的语音识别模型: 18 syllables; 0.3–0.9 s holds only faint tonal noise 40 dB down.",
            Speech: [(0.92, 5.20)], Onsets: [0.92]),
        new("zh/bilingual-8k-no-reference.wav",
            "Lecture speech cut mid-phrase at 0 s; pauses at 3.14, 5.63, 10.75 and 15.39 s; breaths at 5.8 and 11.0 s (2–4 kHz noise).",
            Speech: [(0.00, 3.14), (3.52, 5.63), (6.06, 10.75), (11.37, 15.39), (15.78, 17.57)], Onsets: [],
            Unscored: [(5.70, 5.95), (10.90, 11.20)]),
        new("en/librispeech-1995-1837-0001.wav",
            "27 words read in three breaths (pauses at 2.34–2.78 and 6.34–6.56 s), from 0.16 s to the end of the file.",
            Speech: [(0.16, 2.34), (2.78, 6.34), (6.56, 8.61)], Onsets: [0.16]),
        new("en/jfk.wav",
            "And so my fellow Americans | ask not | what your country can do for you | ask what you can do for your country. " +
            "Outdoors with a PA: after each phrase ~0.3 s of reverberant tail, crowd noise throughout.",
            Speech: [(0.33, 2.22), (3.30, 4.38), (5.42, 7.62), (8.20, 10.50)], Onsets: [0.33, 3.30, 5.42]),
        new("vad/funasr-VAD_30s_mono.wav",
            "0–10 s: only clicks (20–80 ms decaying bursts, up to −22 dB). Then a short vocalization at 10.2 s and five phrases.",
            Speech: [(10.22, 10.55), (12.30, 15.50), (16.40, 18.21), (19.00, 21.70), (22.10, 23.74), (26.30, 27.01)],
            Onsets: [10.22, 12.30, 26.30]),
        new("vad/aepyx_8k.wav",
            "Expressive speech with pitch glides. 0–2.45 s and 63.85–68.0 s: a steady broadband noise bed (level within 3 dB for seconds). " +
            "34.5–45 s looks like the speech around it but silero scores it 0.2–0.35: left unscored, as is a faint glide at 66.1–66.8 s.",
            Speech:
            [
                (2.48, 18.43), (19.07, 25.60), (26.24, 26.98), (28.32, 32.29), (32.96, 33.12), (47.71, 48.58), (49.44, 50.21), (51.23, 63.85),
                (68.10, 74.75), (75.30, 87.62), (88.90, 89.79), (91.01, 92.67), (93.31, 94.05), (95.01, 96.70), (97.57, 99.65),
                (100.38, 104.00), (105.25, 109.22), (109.76, 113.41), (114.18, 132.13), (133.15, 149.28), (150.02, 156.99),
                (158.11, 160.90), (162.82, 164.16), (166.02, 168.16),
            ],
            Onsets: [], Unscored: [(34.50, 44.96), (66.10, 66.80)]),
    ];

    public static Reference Named(string file) => All.Single(r => r.File == file);
}

/// <param name="File">Under testdata/audio.</param>
/// <param name="Notes">What the inspection found.</param>
/// <param name="Speech">Speech regions, seconds.</param>
/// <param name="Onsets">Onsets clean enough (silence before them) to hold an engine to ±0.2 s.</param>
/// <param name="Unscored">Ambiguous stretches neither credited nor held against an engine.</param>
internal sealed record Reference(string File, string Notes, (double Start, double End)[] Speech, double[] Onsets, (double Start, double End)[]? Unscored = null)
{
    public override string ToString() => File;
}
