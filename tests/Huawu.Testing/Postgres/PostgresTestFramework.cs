using Xunit.Abstractions;
using Xunit.Sdk;

namespace Huawu.Testing.Postgres;

/// <summary>
/// xunit's test framework plus one duty: stop the shared PostgreSQL cluster when the run ends. A test project
/// that uses <see cref="PostgresCluster.Shared"/> opts in with
/// <c>[assembly: TestFramework("Huawu.Testing.Postgres.PostgresTestFramework", "Huawu.Testing")]</c>.
/// (The test host may be killed before process-exit handlers finish, so they are only the fallback.)
/// </summary>
public sealed class PostgresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink), IDisposable
{
    // Re-implemented so the runner's ITestFramework.Dispose (xunit's is not virtual) reaches this first.
    void IDisposable.Dispose()
    {
        PostgresCluster.StopShared();
        Dispose();
    }
}
