using System.Runtime.InteropServices;

namespace Huawu.Speech.Tts.Espeak;

/// <summary>
/// The voices espeak-ng offers, from <c>espeak_ListVoices</c>: one per voice file, named by its main language
/// (<c>cmn</c>, <c>en-us</c>), with the file identifier (<c>sit/cmn</c>, <c>gmw/en-US</c>) that selects it —
/// <c>espeak_SetVoiceByName</c> finds a voice by file or by its display name, not by language.
/// </summary>
internal static unsafe class EspeakVoices
{
    public static IReadOnlyList<(VoiceInfo Voice, string Identifier)> List(int sampleRate)
    {
        var voices = new List<(VoiceInfo, string)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var entry = EspeakNative.ListVoices(null); *entry != null; entry++)
        {
            var voice = *entry;
            // languages: (priority byte, zero-terminated name)… ended by an empty name; the first is the voice's own.
            if (voice->Languages == null || voice->Languages[0] == 0) continue;
            var language = Marshal.PtrToStringUTF8((IntPtr)(voice->Languages + 1));
            if (string.IsNullOrEmpty(language) || !seen.Add(language)) continue;
            var name = Marshal.PtrToStringUTF8((IntPtr)voice->Name)?.Replace('_', ' ');
            var identifier = Marshal.PtrToStringUTF8((IntPtr)voice->Identifier);
            if (identifier is null) continue;
            voices.Add((new VoiceInfo(language, language, sampleRate, name), identifier));
        }
        return voices;
    }
}
