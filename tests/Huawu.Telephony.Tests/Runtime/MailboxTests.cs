using System.Collections.Concurrent;
using Huawu.Telephony.Runtime;

namespace Huawu.Telephony.Tests.Runtime;

public class MailboxTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Items_posted_from_many_threads_run_one_at_a_time_and_each_exactly_once()
    {
        var errors = new ConcurrentQueue<Exception>();
        var mailbox = new Mailbox(errors.Enqueue);
        var running = 0;
        var overlaps = 0;
        var counter = 0; // deliberately unsynchronized: only the mailbox's serialization protects it
        const int posters = 8, perPoster = 5_000;
        var done = new TaskCompletionSource();

        await Task.WhenAll(Enumerable.Range(0, posters).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < perPoster; i++)
            {
                mailbox.Post(() =>
                {
                    if (Interlocked.Increment(ref running) != 1) Interlocked.Increment(ref overlaps);
                    counter++;
                    Interlocked.Decrement(ref running);
                    if (counter == posters * perPoster) done.SetResult();
                });
            }
        })));

        await done.Task.WaitAsync(Patience);
        Assert.Equal(0, overlaps);
        Assert.Equal(posters * perPoster, counter);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Items_from_one_poster_run_in_the_order_posted()
    {
        var mailbox = new Mailbox(e => Assert.Fail(e.ToString()));
        var seen = new List<int>();
        for (var i = 0; i < 1_000; i++)
        {
            var n = i;
            mailbox.Post(() => seen.Add(n));
        }
        await mailbox.InvokeAsync(() => 0).WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(0, 1_000), seen);
    }

    [Fact]
    public async Task An_exception_is_reported_and_the_mailbox_goes_on()
    {
        var errors = new ConcurrentQueue<Exception>();
        var mailbox = new Mailbox(errors.Enqueue);
        mailbox.Post(() => throw new InvalidOperationException("boom"));
        var after = await mailbox.InvokeAsync(() => 42).WaitAsync(Patience);
        Assert.Equal(42, after);
        Assert.Equal("boom", Assert.Single(errors).Message);
    }

    [Fact]
    public async Task Awaits_inside_a_flow_resume_in_the_mailbox_and_interleave_with_other_items()
    {
        var mailbox = new Mailbox(e => Assert.Fail(e.ToString()));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new List<string>();
        var resumedInMailbox = false;

        var flow = mailbox.RunAsync(async () =>
        {
            log.Add("flow started");
            await gate.Task;
            resumedInMailbox = mailbox.IsCurrent;
            log.Add("flow resumed");
        });

        await mailbox.InvokeAsync(() => { log.Add("other event"); return 0; }).WaitAsync(Patience);
        gate.SetResult();
        await flow.WaitAsync(Patience);

        Assert.True(resumedInMailbox);
        Assert.Equal(["flow started", "other event", "flow resumed"], log);
    }

    [Fact]
    public async Task InvokeAsync_carries_the_exception_of_the_function_to_the_caller()
    {
        var mailbox = new Mailbox(e => Assert.Fail(e.ToString()));
        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => mailbox.InvokeAsync<int>(() => throw new ArgumentException("bad")));
        Assert.Equal("bad", thrown.Message);
    }
}
