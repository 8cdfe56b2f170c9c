using Huawu.ContactCenter.Acd;
using Huawu.Server.Configuration;

namespace Huawu.Server.Tests.Configuration;

/// <summary>The <c>queues:</c> section: read into the ACD's queues, every mistake reported by its key.</summary>
public sealed class QueueConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("huawu-queues-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private ConfigurationResult Load(string queues)
    {
        var path = Path.Combine(_directory, "huawu.yaml");
        File.WriteAllText(path, """
            extensions:
              - { number: "1001", password: pw }
              - { number: "1002", password: pw }
            queues:

            """ + queues);
        return ConfigurationLoader.Load(path, new ConfigurationOverrides());
    }

    [Fact]
    public void Members_naming_a_configured_extension_are_extensions_and_the_others_agents_with_defaults_for_the_rest()
    {
        var result = Load("""
              - name: loan_advisors
                members: ["1001", alice, "1002"]
              - { name: vip, members: ["1002"], strategy: ring-all, ring_seconds: 10, max_wait_seconds: 30 }
            """);
        Assert.Empty(result.Errors);
        var configuration = result.Configuration!;
        var queues = configuration.Queues.Select(q => q.ToDefinition(configuration.Extensions)).ToList();
        var advisors = queues[0];
        Assert.Equal(["1001", null, "1002"], advisors.Members.Select(m => m.Extension));
        Assert.Equal("alice", advisors.Members[1].UserName);
        Assert.Equal(QueueStrategy.LongestIdle, advisors.Strategy);
        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60)), (advisors.RingTime, advisors.MaxWait));
        Assert.Equal(QueueStrategy.RingAll, queues[1].Strategy);
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)), (queues[1].RingTime, queues[1].MaxWait));
        Assert.True(configuration.HasQueue("LOAN_ADVISORS"));
        Assert.False(configuration.HasQueue("support"));
    }

    [Fact]
    public void Each_mistake_is_reported_by_its_key()
    {
        var result = Load("""
              - { name: sales, members: ["1001", "no such agent!"], strategy: round-robin, ring_seconds: 0, max_wait_seconds: 7200 }
              - { name: Sales, members: [] }
              - { name: "has space", members: ["1001"] }
            """);
        Assert.Null(result.Configuration);
        var errors = result.Errors.Select(e => e[(e.IndexOf(": ", StringComparison.Ordinal) + 2)..]).ToList();
        Assert.Contains("queues[0].members[1]: 'no such agent!' is neither an extension under extensions: nor a user name", errors);
        Assert.Contains("queues[0].strategy: 'round-robin' is not longest-idle or ring-all", errors);
        Assert.Contains("queues[0].ring_seconds: 0 is not 1-600", errors);
        Assert.Contains("queues[0].max_wait_seconds: 7200 is not 1-3600", errors);
        Assert.Contains("queues[1].name: 'Sales' is queues[0]'s name too", errors);
        Assert.Contains("queues[1].members: at least one extension or agent user name", errors);
        Assert.Contains(errors, e => e.StartsWith("queues[2].name: 1-64 letters", StringComparison.Ordinal));
        Assert.Equal(7, errors.Count);
    }
}
