using System.Runtime.InteropServices;

namespace Huawu.Speech.Native;

/// <summary>
/// Speech recognition in sherpa-onnx's C API (c-api.h): streaming (online) and offline recognizers, their streams and
/// results. Handles are opaque; every Create has its Destroy; result structs belong to the library until destroyed.
/// The declarations follow c-api.h as of the commit after v1.13.4 that the reference mirror holds (it has no v1.13.8
/// tag; the 1.13.8 library exports exactly the same functions), and the config structs are checked against the
/// 1.13.8 library itself by its printout of what it received (SherpaNativeLayoutTests).
/// </summary>
internal static unsafe partial class SherpaOnnxNative
{
    [LibraryImport(Library)]
    public static partial IntPtr SherpaOnnxCreateOnlineRecognizer(in OnlineRecognizerConfig config);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxDestroyOnlineRecognizer(IntPtr recognizer);

    [LibraryImport(Library)]
    public static partial IntPtr SherpaOnnxCreateOnlineStream(IntPtr recognizer);

    /// <summary>Hot words, one per line (<c>word :score</c> optional); used with modified_beam_search.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr SherpaOnnxCreateOnlineStreamWithHotwords(IntPtr recognizer, string hotwords);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxDestroyOnlineStream(IntPtr stream);

    /// <summary>Samples in [-1, 1] at <paramref name="sampleRate"/>; the library resamples to the model's rate.</summary>
    [LibraryImport(Library)]
    public static partial void SherpaOnnxOnlineStreamAcceptWaveform(IntPtr stream, int sampleRate, float* samples, int count);

    [LibraryImport(Library)]
    public static partial int SherpaOnnxIsOnlineStreamReady(IntPtr recognizer, IntPtr stream);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxDecodeOnlineStream(IntPtr recognizer, IntPtr stream);

    [LibraryImport(Library)]
    public static partial OnlineRecognizerResult* SherpaOnnxGetOnlineStreamResult(IntPtr recognizer, IntPtr stream);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxDestroyOnlineRecognizerResult(OnlineRecognizerResult* result);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxOnlineStreamReset(IntPtr recognizer, IntPtr stream);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxOnlineStreamInputFinished(IntPtr stream);

    [LibraryImport(Library)]
    public static partial int SherpaOnnxOnlineStreamIsEndpoint(IntPtr recognizer, IntPtr stream);

    [LibraryImport(Library)]
    public static partial IntPtr SherpaOnnxCreateOfflineRecognizer(in OfflineRecognizerConfig config);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxDestroyOfflineRecognizer(IntPtr recognizer);

    [LibraryImport(Library)]
    public static partial IntPtr SherpaOnnxCreateOfflineStream(IntPtr recognizer);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr SherpaOnnxCreateOfflineStreamWithHotwords(IntPtr recognizer, string hotwords);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxDestroyOfflineStream(IntPtr stream);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxAcceptWaveformOffline(IntPtr stream, int sampleRate, float* samples, int count);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxDecodeOfflineStream(IntPtr recognizer, IntPtr stream);

    [LibraryImport(Library)]
    public static partial OfflineRecognizerResult* SherpaOnnxGetOfflineStreamResult(IntPtr stream);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxDestroyOfflineRecognizerResult(OfflineRecognizerResult* result);
}
