using Huawu.Media.Clock;

namespace Huawu.Media.Audio;

/// <summary>
/// Takes 20 ms of audio per tick: a recorder, a conference party's input, speech recognition. Called on a
/// media thread; the frame is only valid during the call.
/// </summary>
public interface IAudioSink
{
    void Write(in MediaTick tick, PcmFrame frame);
}
