// Interop tests start real nodes and peers (SIPp, baresip, linphone, dumpcap) and some of them measure time on the
// wire (echo, barge-in within 150 ms, turn latency): on a 2-core machine two such classes at once starve each other,
// so they run one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
