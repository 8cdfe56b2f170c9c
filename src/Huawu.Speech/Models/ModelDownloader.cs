using System.Net;
using System.Net.Http.Headers;

namespace Huawu.Speech.Models;

/// <summary>
/// Fetches one asset into a <c>.part</c> file that survives interruptions: a later run asks for the rest with an HTTP
/// range request (RFC 9110 §14.2) and appends it, or starts over when the server ignores the range. A connection that
/// goes quiet for the stall timeout (measured on the injected clock) counts as interrupted.
/// </summary>
internal sealed class ModelDownloader(HttpClient http, TimeProvider time, TimeSpan stallTimeout, IProgress<ModelDownloadProgress>? progress)
{
    private const int BufferSize = 81920;

    /// <summary>Progress is reported each time the bytes received pass a multiple of this.</summary>
    private const int ReportEvery = 64 * 1024;

    /// <summary>Null when the whole asset is in <paramref name="partPath"/>; otherwise why not (what is there is kept for a resume).</summary>
    public async Task<string?> DownloadAsync(ModelPack pack, Uri url, string partPath, CancellationToken cancellation)
    {
        var have = File.Exists(partPath) ? new FileInfo(partPath).Length : 0;
        if (pack.Size is { } size && have == size) return null;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
        var total = pack.Size;
        try
        {
            using var response = await WithinStallAsync(c => http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, c), cancellation);
            switch (response.StatusCode)
            {
                // RFC 9110 §15.5.17: nothing is left after what we have; whether it is right, the checksum tells.
                case HttpStatusCode.RequestedRangeNotSatisfiable when have > 0:
                    return null;
                case HttpStatusCode.PartialContent when response.Content.Headers.ContentRange?.From == have:
                    break;
                case HttpStatusCode.OK:
                    have = 0;
                    break;
                default:
                    return $"{url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}";
            }
            if (response.Content.Headers.ContentLength is { } length) total = have + length;
            await using var body = await response.Content.ReadAsStreamAsync(cancellation);
            await using var file = new FileStream(partPath, have == 0 ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            var buffer = new byte[BufferSize];
            var reported = 0L;
            int read;
            while ((read = await WithinStallAsync(c => body.ReadAsync(buffer, c).AsTask(), cancellation)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellation);
                have += read;
                if (have / ReportEvery > reported / ReportEvery)
                {
                    reported = have;
                    progress?.Report(new ModelDownloadProgress(pack.Name, have, total));
                }
            }
            progress?.Report(new ModelDownloadProgress(pack.Name, have, total));
            return total is { } expected && have < expected ? Interrupted(url, have, total, "the server closed the connection") : null;
        }
        catch (TimeoutException)
        {
            return Interrupted(url, PartLength(partPath), total, $"nothing arrived for {stallTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return Interrupted(url, PartLength(partPath), total, e.Message);
        }
    }

    private static string Interrupted(Uri url, long have, long? total, string reason) => have == 0
        ? $"{url}: the download failed ({reason})"
        : $"{url}: the download stopped after {have:N0}{(total is { } t ? $" of {t:N0}" : "")} bytes ({reason}); " +
          "run the same command again to resume it";

    private static long PartLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>Runs one network step, giving up with a <see cref="TimeoutException"/> when it stalls.</summary>
    private async Task<T> WithinStallAsync<T>(Func<CancellationToken, Task<T>> step, CancellationToken cancellation)
    {
        using var stall = new CancellationTokenSource(stallTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stall.Token);
        try
        {
            return await step(linked.Token);
        }
        catch (OperationCanceledException) when (stall.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            throw new TimeoutException();
        }
    }
}
