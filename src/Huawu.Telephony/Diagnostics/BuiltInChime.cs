using Huawu.Media.Audio;
using Huawu.Telephony.Audio;

namespace Huawu.Telephony.Diagnostics;

/// <summary>What <c>playback</c> plays without a configured file: three rising tones, 300 ms each, 100 ms apart.</summary>
internal static class BuiltInChime
{
    public static AudioClip Create() =>
        ToneSequence.Create([523.25, 659.25, 783.99], TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100));
}
