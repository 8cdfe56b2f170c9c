using Huawu.Server.Calls;

namespace Huawu.Server.Tests.Calls;

/// <summary>The node's list of open calls, read back after a crash.</summary>
public sealed class OpenCallJournalTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"huawu-journal-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void The_calls_opened_and_not_closed_are_read_back_and_a_line_cut_short_by_a_crash_is_ignored()
    {
        using (var journal = OpenCallJournal.Start(_path, ["from-last-run"]))
        {
            journal.Opened("a");
            journal.Opened("b");
            journal.Closed("a");
            journal.Closed("from-last-run");
        }
        File.AppendAllText(_path, "+");

        Assert.Equal(["b"], OpenCallJournal.ReadOpen(_path));
        Assert.Empty(OpenCallJournal.ReadOpen(_path + ".missing"));
    }

    [Fact]
    public void A_busy_node_s_journal_is_rewritten_with_only_its_open_calls_and_loses_none()
    {
        using (var journal = OpenCallJournal.Start(_path, []))
        {
            journal.Opened("long-1");
            journal.Opened("long-2");
            for (var i = 0; i < 12_000; i++)
            {
                var uuid = "short-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                journal.Opened(uuid);
                journal.Closed(uuid);
            }
            journal.Opened("long-3");
            Assert.Equal(3, journal.OpenCount);
        }

        Assert.True(File.ReadLines(_path).Count() < 10_000, "rewritten once mostly closed calls filled it");
        Assert.Equal(["long-1", "long-2", "long-3"], OpenCallJournal.ReadOpen(_path).Order());
    }
}
