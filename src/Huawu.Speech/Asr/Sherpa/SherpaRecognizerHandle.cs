using System.Runtime.InteropServices;
using Huawu.Speech.Configuration;
using Huawu.Speech.Native;

namespace Huawu.Speech.Asr.Sherpa;

/// <summary>
/// A native sherpa-onnx recognizer (online or offline). Sessions hold a reference (<see cref="SafeHandle.DangerousAddRef"/>)
/// while they use it, so disposing the engine during a call frees the model only after the last session ends.
/// </summary>
internal sealed class SherpaRecognizerHandle : SafeHandle
{
    private SherpaRecognizerHandle(IntPtr native, bool isOnline) : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(native);
        IsOnline = isOnline;
    }

    public bool IsOnline { get; }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Loads the model; null (with the reason) when the library is missing or refuses the configuration.</summary>
    public static SherpaRecognizerHandle? TryCreate(SherpaModelFiles files, SherpaAsrOptions options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (SherpaOnnxLibrary.LoadError is { } loadError)
        {
            error = loadError;
            return null;
        }
        IntPtr native;
        using (var strings = new SherpaStrings())
        {
            if (files.IsStreaming)
            {
                var config = SherpaRecognizerConfig.Online(files, options, strings);
                native = SherpaOnnxNative.SherpaOnnxCreateOnlineRecognizer(in config);
            }
            else
            {
                var config = SherpaRecognizerConfig.Offline(files, options, strings);
                native = SherpaOnnxNative.SherpaOnnxCreateOfflineRecognizer(in config);
            }
        }
        // The files were checked, so a refusal means sherpa-onnx's own validation failed; it logs why to stderr.
        error = native == IntPtr.Zero
            ? $"sherpa-onnx refused the {files.ModelType} model in {files.Directory} (its reasons are on standard error)"
            : null;
        return native == IntPtr.Zero ? null : new SherpaRecognizerHandle(native, files.IsStreaming);
    }

    protected override bool ReleaseHandle()
    {
        if (IsOnline) SherpaOnnxNative.SherpaOnnxDestroyOnlineRecognizer(handle);
        else SherpaOnnxNative.SherpaOnnxDestroyOfflineRecognizer(handle);
        return true;
    }
}
