using System.Reflection;
using Huawu.Data.Storage;
using Xunit.Sdk;

namespace Huawu.Data.Tests.Support;

/// <summary>Runs a theory once on SQLite and once on the test run's PostgreSQL cluster.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
    [
        [DatabaseProvider.Sqlite],
        [DatabaseProvider.Postgres],
    ];
}
