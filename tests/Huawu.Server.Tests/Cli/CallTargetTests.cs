using Huawu.Server.Cli;

namespace Huawu.Server.Tests.Cli;

/// <summary><c>huawu call</c>'s callees: NUMBER, or NUMBER,name=value,... with variables for that call over the shared ones.</summary>
public sealed class CallTargetTests
{
    private static readonly Dictionary<string, string> Shared = new() { ["customer_name"] = "Customer", ["company"] = "Harbor Credit" };

    [Fact]
    public void A_number_alone_takes_the_shared_variables_and_is_its_own_label()
    {
        var target = CallTarget.TryParse("+15550100001", Shared, out var error);
        Assert.Null(error);
        Assert.Equal("+15550100001", target!.Number);
        Assert.Equal(Shared, target.Variables);
        Assert.Equal("+15550100001", target.Label);
    }

    [Fact]
    public void Own_variables_override_the_shared_ones_and_the_first_names_the_call()
    {
        var target = CallTarget.TryParse("sip:lee@127.0.0.1:5080, customer_name=Lee, tier=gold=plus", Shared, out _);
        Assert.Equal("sip:lee@127.0.0.1:5080", target!.Number);
        Assert.Equal("Lee", target.Variables["customer_name"]);
        Assert.Equal("Harbor Credit", target.Variables["company"]);
        Assert.Equal("gold=plus", target.Variables["tier"]); // only the first '=' separates
        Assert.Equal("Lee", target.Label);
        Assert.Equal("Customer", Shared["customer_name"]); // the shared ones are not changed
    }

    [Theory]
    [InlineData("+15550100001,customer_name", "is not name=value")]
    [InlineData("+15550100001,=Alex", "is not name=value")]
    [InlineData(",customer_name=Alex", "no number")]
    public void A_malformed_callee_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Null(CallTarget.TryParse(text, Shared, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
