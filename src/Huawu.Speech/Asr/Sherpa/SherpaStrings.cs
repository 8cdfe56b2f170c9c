using System.Runtime.InteropServices;

namespace Huawu.Speech.Asr.Sherpa;

/// <summary>
/// UTF-8 copies of the strings a native config points to (c-api.h's <c>const char*</c>), alive until disposed: the
/// Create functions copy what they need, so the arena is freed right after the call.
/// </summary>
internal sealed class SherpaStrings : IDisposable
{
    private readonly List<IntPtr> _allocated = [];

    /// <summary>A pointer to a NUL-terminated UTF-8 copy; null stays null (the library's default).</summary>
    public IntPtr Add(string? value)
    {
        if (value is null) return IntPtr.Zero;
        var pointer = Marshal.StringToCoTaskMemUTF8(value);
        _allocated.Add(pointer);
        return pointer;
    }

    public void Dispose()
    {
        foreach (var pointer in _allocated) Marshal.FreeCoTaskMem(pointer);
        _allocated.Clear();
    }
}
