using System.Runtime.InteropServices;

namespace Huawu.Speech.Tests.Tts;

/// <summary>
/// Captures what native code writes to file descriptor 2 (sherpa-onnx logs there with fprintf) while an action runs,
/// by pointing fd 2 at a temporary file and back. Captures run one at a time.
/// </summary>
internal static class NativeStderr
{
    private const int StandardError = 2;
    private static readonly object Gate = new();

    public static (T Result, string Written) Capture<T>(Func<T> action)
    {
        var path = Path.GetTempFileName();
        try
        {
            T result;
            lock (Gate)
            {
                var saved = Dup(StandardError);
                try
                {
                    using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
                    Assert.NotEqual(-1, Dup2((int)file.SafeFileHandle.DangerousGetHandle(), StandardError));
                    try
                    {
                        result = action();
                    }
                    finally
                    {
                        Assert.NotEqual(-1, Dup2(saved, StandardError));
                    }
                }
                finally
                {
                    Assert.Equal(0, Close(saved));
                }
            }
            return (result, File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // DllImport rather than LibraryImport: the test assembly does not allow unsafe code, and these need no marshalling.
    [DllImport("libc", EntryPoint = "dup")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Dup(int fd);

    [DllImport("libc", EntryPoint = "dup2")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Dup2(int fd, int target);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
