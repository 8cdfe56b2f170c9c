using System.Collections.Concurrent;
using Huawu.Speech.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Huawu.Speech.Tests.Models;

/// <summary>
/// A local stand-in for GitHub's release downloads: serves assets by path with HTTP range requests (RFC 9110 §14),
/// records every request's Range header, and can misbehave the ways real downloads do (cut off mid-body, stall, ignore
/// ranges).
/// </summary>
internal sealed class ReleaseServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _assets = new();
    private readonly LocalHttpServer _server;

    private ReleaseServer(LocalHttpServer server) => _server = server;

    /// <summary>The base address a pack's release path is taken from (the installer's mirror).</summary>
    public Uri Address => _server.Address;

    /// <summary>The Range header of each request, in order ("" when there was none).</summary>
    public ConcurrentQueue<string> Ranges { get; } = new();

    /// <summary>Bytes of body sent per request, in order.</summary>
    public ConcurrentQueue<long> BodyBytes { get; } = new();

    /// <summary>The next response's body stops after this many bytes and the connection is dropped.</summary>
    public long? CutAfter { get; set; }

    /// <summary>The next response sends this many bytes and then nothing until the client gives up.</summary>
    public long? StallAfter { get; set; }

    public bool IgnoreRanges { get; set; }

    public static async Task<ReleaseServer> StartAsync()
    {
        ReleaseServer? self = null;
        var server = await LocalHttpServer.StartAsync(context => self!.ServeAsync(context));
        self = new ReleaseServer(server);
        return self;
    }

    public void Publish(string releasePath, byte[] content) => _assets[releasePath] = content;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task ServeAsync(HttpContext context)
    {
        var range = context.Request.Headers.Range.ToString();
        Ranges.Enqueue(range);
        if (!_assets.TryGetValue(context.Request.Path.Value!.TrimStart('/'), out var content))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            BodyBytes.Enqueue(0);
            return;
        }
        long from = 0;
        if (range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-') && !IgnoreRanges)
        {
            from = long.Parse(range[6..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (from >= content.Length)
            {
                context.Response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                context.Response.Headers.ContentRange = $"bytes */{content.Length}";
                BodyBytes.Enqueue(0);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = $"bytes {from}-{content.Length - 1}/{content.Length}";
        }
        context.Response.ContentLength = content.Length - from;
        var body = content.AsMemory((int)from);
        var send = Math.Min(body.Length, (CutAfter ?? StallAfter) ?? long.MaxValue);
        await context.Response.Body.WriteAsync(body[..(int)send]);
        await context.Response.Body.FlushAsync();
        BodyBytes.Enqueue(send);
        if (StallAfter is not null)
        {
            StallAfter = null;
            // Hold the response open until the client hangs up.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        else if (CutAfter is not null)
        {
            CutAfter = null;
            context.Abort();
        }
    }
}
