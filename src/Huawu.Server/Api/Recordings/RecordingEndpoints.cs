using Huawu.Data;
using Huawu.Data.Audit;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Calls;
using Huawu.Server.Api.Problems;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Recordings;

/// <summary>
/// <c>/api/v1/recordings</c>: a recording's metadata, and its audio as WAV, decrypted chunk by chunk as it streams,
/// with HTTP range requests (RFC 9110 §14) so players can seek. Every playback request is audited.
/// </summary>
internal static class RecordingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var recordings = api.MapGroup("/recordings").WithTags("recordings");
        recordings.MapGet("/{id:long}", GetAsync).RequirePermission(Permission.RecordingsRead)
            .Produces<RecordingResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        recordings.MapGet("/{id:long}/audio", PlayAsync).RequirePermission(Permission.RecordingsPlay).AuditedByHandler("recording")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav").Produces(StatusCodes.Status206PartialContent, contentType: "audio/wav")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, DataStore store, CallAccess access, CancellationToken cancellation) =>
        await store.Recordings.GetAsync(id, cancellation) is { } info && await access.FindAsync(context, info.CallId, cancellation) is not null
            ? TypedResults.Ok(RecordingResponse.From(info))
            : ApiProblems.NotFound("recording");

    private static async Task<IResult> PlayAsync(long id, HttpContext context, DataStore store, CallAccess access, RequestAudit audit,
        CancellationToken cancellation)
    {
        if (await store.Recordings.GetAsync(id, cancellation) is not { } info || await access.FindAsync(context, info.CallId, cancellation) is null)
            return ApiProblems.NotFound("recording");
        var opened = await store.Recordings.OpenAsync(id, cancellation);
        var range = context.Request.Headers.Range.ToString();
        var detail = $"call {info.CallId}" + (range.Length > 0 ? $", {range}" : ", whole file");
        if (opened.Audio is not { } audio)
        {
            await audit.RecordAsync(context, AuditAction.RecordingPlayed, AuditOutcome.Failure, "recording", Ids.Text(id), detail + ": " + opened.Error);
            return ApiProblems.Conflict("recording_unavailable", "This recording cannot be played (still recording, or its file is damaged).");
        }
        await audit.RecordAsync(context, AuditAction.RecordingPlayed, AuditOutcome.Success, "recording", Ids.Text(id), detail);
        var wav = new PrefixedStream(WavHeader.For(opened.Format, audio.Length), audio);
        return TypedResults.Stream(wav, "audio/wav", fileDownloadName: null, lastModified: info.CompletedAt, enableRangeProcessing: true);
    }
}
