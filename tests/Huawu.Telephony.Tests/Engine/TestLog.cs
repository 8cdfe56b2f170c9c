using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>Keeps what the engines log, to explain a failing test.</summary>
internal sealed class TestLog : ILoggerFactory, ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly string _name;

    public TestLog(string name) => _name = name;

    public IReadOnlyCollection<string> Lines => _lines;

    public override string ToString() => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {_name} {logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }

    public void Dispose()
    {
    }
}
