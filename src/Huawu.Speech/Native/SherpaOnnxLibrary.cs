using System.Runtime.InteropServices;

namespace Huawu.Speech.Native;

/// <summary>
/// Finds out, once, whether sherpa-onnx's native library can be loaded, so engines built on it fail with a message
/// that says how to fix the installation instead of a <see cref="DllNotFoundException"/> deep inside a call.
/// </summary>
public static class SherpaOnnxLibrary
{
    private static readonly Lazy<(string? Version, string? Error)> Probe = new(Load);

    /// <summary>The library's version string, or null when it cannot be loaded (see <see cref="LoadError"/>).</summary>
    public static string? Version => Probe.Value.Version;

    /// <summary>Why the library cannot be loaded; null when it can.</summary>
    public static string? LoadError => Probe.Value.Error;

    /// <summary>Throws a <see cref="SpeechEngineException"/> naming the fix when the library is unavailable.</summary>
    public static void EnsureLoaded()
    {
        if (LoadError is { } error) throw new SpeechEngineException(error);
    }

    private static (string?, string?) Load()
    {
        try
        {
            return (Marshal.PtrToStringUTF8(SherpaOnnxNative.SherpaOnnxGetVersionStr()), null);
        }
        catch (DllNotFoundException e)
        {
            return (null,
                $"sherpa-onnx's native library (lib{SherpaOnnxNative.Library}.so and libonnxruntime.so) is not next to the program " +
                $"in {AppContext.BaseDirectory}. Run `make setup` (it installs the npm package sherpa-onnx-linux-x64 into native/) " +
                $"and rebuild. ({e.Message})");
        }
    }
}
