using System.Runtime.InteropServices;

namespace Huawu.Speech.Tests.Support;

/// <summary>
/// What native code writes to file descriptor 2 while an action runs (sherpa-onnx logs there with fprintf): fd 2 is
/// pointed at a scratch file for the duration and restored after. One capture at a time in the process.
/// </summary>
internal static class NativeStderr
{
    private const int StandardError = 2;
    private static readonly Lock Gate = new();

    public static (T Result, string Text) Capture<T>(Func<T> action)
    {
        var scratch = Path.GetTempFileName();
        try
        {
            T result;
            lock (Gate)
            {
                var original = dup(StandardError);
                Assert.True(original >= 0, "dup(2) failed");
                try
                {
                    using (var file = File.OpenWrite(scratch))
                    {
                        Assert.True(dup2((int)file.SafeFileHandle.DangerousGetHandle(), StandardError) >= 0, "dup2 onto fd 2 failed");
                    }
                    result = action();
                }
                finally
                {
                    Assert.True(dup2(original, StandardError) >= 0, "restoring fd 2 failed");
                    _ = close(original);
                }
            }
            return (result, File.ReadAllText(scratch));
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    // The test assembly has no unsafe code; these take and return plain ints.
    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int dup(int fd);

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int dup2(int fd, int target);

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int close(int fd);
}
