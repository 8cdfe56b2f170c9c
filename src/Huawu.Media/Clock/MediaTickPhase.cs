namespace Huawu.Media.Clock;

/// <summary>
/// The phases of every tick, run in this order, each finished for all handlers before the next starts.
/// Streams deliver received audio in <see cref="Receive"/>, conferences mix in <see cref="Mix"/>, streams
/// pull and send audio in <see cref="Send"/> — so a bridge or mixer always reads the same tick's audio.
/// </summary>
public enum MediaTickPhase
{
    Receive = 0,
    Mix = 1,
    Send = 2,
}
