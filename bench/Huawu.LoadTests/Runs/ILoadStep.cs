namespace Huawu.LoadTests.Runs;

/// <summary>One step of a run (a rate, a call count): whether it held, and its report lines.</summary>
internal interface ILoadStep
{
    Verdict Verdict { get; }

    IEnumerable<string> Describe();
}
