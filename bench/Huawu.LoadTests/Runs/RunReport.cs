namespace Huawu.LoadTests.Runs;

/// <summary>Writes a run's report to the console and to <c>summary.txt</c> in its directory.</summary>
internal sealed class RunReport(string directory) : IDisposable
{
    private readonly StreamWriter _file = new(Path.Combine(directory, "summary.txt"), append: true);

    public void Line(string text = "")
    {
        Console.WriteLine(text);
        _file.WriteLine(text);
        _file.Flush();
    }

    public void Dispose() => _file.Dispose();
}
