namespace Huawu.Telephony.Tests.Engine;

/// <summary>
/// Waits in real time for what other threads do: packets over loopback, work posted to mailboxes. Bounded, so a
/// broken feature fails the test instead of hanging it.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Still not true after {Patience}: {what}");
            await Task.Delay(5);
        }
    }

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Patience);

    public static Task Within(this Task task) => task.WaitAsync(Patience);
}
