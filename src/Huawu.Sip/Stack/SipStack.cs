using System.Diagnostics;
using System.Net;
using Huawu.Sip.Building;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Headers;
using Huawu.Sip.Transactions;
using Huawu.Sip.Transport;
using Huawu.Sip.Validation;

namespace Huawu.Sip.Stack;

/// <summary>
/// The SIP stack of a node: transports, transactions and dialogs behind one object. Requests outside dialogs go to
/// the <see cref="ISipRequestHandler"/>; requests inside a dialog to its <see cref="ISipDialogHandler"/>; requests
/// this side sends come back as a <see cref="SipClientRequest"/>. Everything runs on the thread pool and every timer
/// on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class SipStack : IAsyncDisposable, IDialogHost, ITransportSink
{
    private readonly ISipRequestHandler handler;
    private readonly TransportSet transports;
    private readonly RequestValidator validator;
    private int started;

    public SipStack(SipStackOptions options, ISipRequestHandler handler, TimeProvider? time = null, ISipHostResolver? resolver = null)
        : this(options, handler, time, resolver, null)
    {
    }

    /// <summary>With given transports instead of the listeners of the options (tests run on fake ones).</summary>
    internal SipStack(SipStackOptions options, ISipRequestHandler handler, TimeProvider? time, ISipHostResolver? resolver, IReadOnlyList<ISipTransport>? transports)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        Options = options;
        this.handler = handler;
        Time = time ?? TimeProvider.System;
        this.transports = new TransportSet(transports ?? CreateTransports(options, Time, Counters));
        validator = new RequestValidator(options.Capabilities);
        Transactions = new TransactionLayer(new TransactionContext(Time, options.Timers, Counters), options.MaxServerTransactions);
        Sender = new RequestSender(this.transports, new LocalAddresses(options.PublicAddress), resolver ?? DnsHostResolver.Instance, options.UserAgent);
    }

    public SipStackOptions Options { get; }

    /// <summary>The bound address of every listener (a configured port 0 shows the port chosen); empty before <see cref="Start"/>.</summary>
    public IReadOnlyList<SipEndPoint> LocalEndPoints =>
        Volatile.Read(ref started) == 0 ? [] : [.. transports.All.Select(t => new SipEndPoint(t.Protocol, t.LocalEndPoint))];

    internal TimeProvider Time { get; }

    internal SipCounters Counters { get; } = new();

    internal TransactionLayer Transactions { get; }

    internal DialogTable Dialogs { get; } = new();

    internal RequestSender Sender { get; }

    internal string? OutboundProxy => Options.OutboundProxy;

    TimeProvider IDialogHost.Time => Time;

    SipTimerOptions IDialogHost.Timers => Options.Timers;

    SipCounters IDialogHost.Counters => Counters;

    DialogTable IDialogHost.Dialogs => Dialogs;

    /// <summary>Binds every listener and starts receiving. Binding errors (a port in use) throw.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref started, 1) != 0) throw new InvalidOperationException("The stack is already started.");
        transports.Start(this);
    }

    public SipStackStatistics GetStatistics() =>
        new(Counters.Snapshot(), Transactions.Count, Dialogs.Count, transports.All.OfType<TcpTransport>().Sum(t => t.ConnectionCount));

    /// <summary>Stops receiving and closes every socket; dialogs still open end with <see cref="SipDialogEnd.StackStopped"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var dialog in Dialogs.Snapshot()) dialog.End(SipDialogEnd.StackStopped);
        await transports.DisposeAsync();
    }

    SipClientRequest IDialogHost.SendInDialog(SipDialog dialog, SipMessageBuilder request) =>
        SipClientRequest.Start(this, request, dialog, null, SipSendOptions.Default);

    async ValueTask<PreparedRequest?> IDialogHost.SendWithoutTransactionAsync(SipMessageBuilder request, string? destination)
    {
        var prepared = await Sender.PrepareAsync(request, destination);
        prepared?.Route.Send(prepared.Message.Buffer, null);
        return prepared;
    }

    /// <summary>Watches fire-and-forget work so that a bug in it is reported rather than lost.</summary>
    internal void Observe(Task task)
    {
        if (task.IsCompletedSuccessfully) return;
        task.ContinueWith(static (t, state) => ((SipStack)state!).Report(t.Exception!.GetBaseException()), this,
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    internal void Report(Exception exception)
    {
        if (Options.UnhandledException is { } report) report(exception);
        else Trace.TraceError("Huawu.Sip: {0}", exception);
    }

    private static List<ISipTransport> CreateTransports(SipStackOptions options, TimeProvider time, SipCounters counters) =>
        [.. options.Listeners.Select(listener => CreateTransport(listener, options, time, counters))];

    private static ISipTransport CreateTransport(SipListenerOptions listener, SipStackOptions options, TimeProvider time, SipCounters counters)
    {
        var endPoint = new IPEndPoint(IPAddress.Parse(listener.Address), listener.Port);
        return listener.Transport switch
        {
            TransportProtocol.Udp => new UdpTransport(endPoint, options.UdpReceiveLoops, counters),
            TransportProtocol.Tcp => new TcpTransport(endPoint, options.Connections, time, counters),
            _ => throw new NotSupportedException($"Listening on {listener.Transport} is not supported yet."),
        };
    }
}
