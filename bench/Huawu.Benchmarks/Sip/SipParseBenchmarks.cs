using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Huawu.Sip.Messages;
using Huawu.Sip.Parsing;

namespace Huawu.Benchmarks.Sip;

/// <summary>
/// Parsing one message, including the checks of the mandatory headers and reading what a transaction layer
/// keys on (top Via branch and sent-by, CSeq, Call-ID, From/To tags). Target: ≥ 450k msg/s, ≤ 1 KB per message.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class SipParseBenchmarks
{
    [Benchmark]
    public long ParseInviteWithSdp() => ParseAndReadTransactionKey(SipSamples.Invite);

    [Benchmark]
    public long Parse200OkWithSdp() => ParseAndReadTransactionKey(SipSamples.Ok);

    private static long ParseAndReadTransactionKey(byte[] datagram)
    {
        if (!SipParser.TryParse(datagram, out var message, out var error)) throw new InvalidOperationException(error.Reason);
        return TransactionKeyChecksum(message);
    }

    internal static long TransactionKeyChecksum(SipMessage message)
    {
        var via = message.TopVia;
        var cseq = message.CSeq;
        return via.BranchBytes.Length + via.HostBytes.Length + via.Port + (via.HasRfc3261Branch ? 1 : 0)
            + cseq.Number + (long)cseq.KnownMethod
            + message.CallIdBytes.Length + message.From.TagBytes.Length + message.To.TagBytes.Length;
    }
}

internal sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
}
