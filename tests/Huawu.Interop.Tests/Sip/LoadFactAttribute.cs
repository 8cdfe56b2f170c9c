namespace Huawu.Interop.Tests.Sip;

/// <summary>
/// A load test: it runs for a minute and saturates a small machine, so it runs only when HUAWU_LOAD_TESTS=1 and is
/// reported as skipped otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LoadFactAttribute : FactAttribute
{
    public LoadFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("HUAWU_LOAD_TESTS") != "1") Skip = "Load test: set HUAWU_LOAD_TESTS=1 to run it.";
    }
}
