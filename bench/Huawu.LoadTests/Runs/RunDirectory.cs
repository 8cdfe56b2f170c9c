using System.Globalization;
using Huawu.Testing;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// Where a load run keeps its evidence: <c>artifacts/load/&lt;time&gt;-&lt;name&gt;/</c> in the repository, one
/// sub-directory per step (node log and configuration, SIPp's statistics, response times and errors, the summary).
/// </summary>
internal static class RunDirectory
{
    public static string Create(string name, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var stamp = time.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return Directory.CreateDirectory(Path.Combine(SharedData.RepositoryRoot, "artifacts", "load", $"{stamp}-{name}")).FullName;
    }

    public static string Step(string run, string step) => Directory.CreateDirectory(Path.Combine(run, step)).FullName;
}
