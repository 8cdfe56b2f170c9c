using Huawu.LoadTests.Host;

namespace Huawu.LoadTests.Runs;

/// <summary>CPU samples of the node, SIPp, dumpcap and the machine at one edge of a measurement window.</summary>
internal readonly record struct WindowSample(CpuSample Node, CpuSample Generator, CpuSample Capture, MachineSample Machine)
{
    public static WindowSample Take(int node, int generator, int? capture, TimeProvider time)
    {
        ProcessCpu.TrySample(node, time, out var nodeSample);
        ProcessCpu.TrySample(generator, time, out var generatorSample);
        var captureSample = default(CpuSample);
        if (capture is { } id) ProcessCpu.TrySample(id, time, out captureSample);
        return new WindowSample(nodeSample, generatorSample, captureSample, MachineSample.Now());
    }

    public WindowCpu Since(WindowSample before, TimeProvider time, string loadAverageBefore, (double PeakResidentMiB, int Threads)? nodeMemory) => new(
        Node.CoresSince(before.Node, time),
        Generator.CoresSince(before.Generator, time),
        Capture.CoresSince(before.Capture, time),
        Machine.BusySince(before.Machine),
        loadAverageBefore,
        nodeMemory?.PeakResidentMiB ?? 0,
        nodeMemory?.Threads ?? 0);
}
