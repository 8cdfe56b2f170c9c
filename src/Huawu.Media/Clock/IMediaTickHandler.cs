namespace Huawu.Media.Clock;

/// <summary>
/// Work done on every <see cref="MediaClock"/> tick in one phase. Runs on a media thread: it must be quick,
/// must not block and should not allocate; anything slower is posted to the owner's mailbox.
/// </summary>
public interface IMediaTickHandler
{
    void OnTick(in MediaTick tick);
}
