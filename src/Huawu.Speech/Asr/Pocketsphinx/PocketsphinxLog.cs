using System.Runtime.InteropServices;
using System.Text;
using Huawu.Speech.Native;

namespace Huawu.Speech.Asr.Pocketsphinx;

/// <summary>
/// sphinxbase writes its log to stderr by default: hundreds of lines per decoder. This routes it into the program
/// instead, keeping only warnings and errors, and hands them to the thread that made the native call, so a failed
/// <c>ps_init</c> or grammar load can say what pocketsphinx complained about.
/// </summary>
/// <remarks>
/// sphinxbase's callback is variadic (<c>err_cb_f(void*, err_lvl_t, const char *fmt, ...)</c>) and only ever called
/// with the formats in <c>err.c</c> (<c>"%s"</c>, <c>"%s: \"%s\", line %ld: %s"</c> and the like: at most five
/// arguments, each a string or a long). On x86-64 System V, variadic integer and pointer arguments travel exactly like
/// fixed ones (registers, then the stack), so a fixed eight-parameter function receives them; the format says which
/// of them are real. Elsewhere the log is only switched off.
/// </remarks>
internal static unsafe class PocketsphinxLog
{
    // err_lvl_t: ERR_DEBUG, ERR_INFO, ERR_INFOCONT, ERR_WARN, ERR_ERROR, ERR_FATAL.
    private const int Warning = 3;
    private static readonly object Gate = new();
    private static bool _installed;

    [ThreadStatic]
    private static List<string>? _collector;

    /// <summary>Routes (or silences) the native log; idempotent.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            // The configuration dump at init is printed to the log file directly, not through the callback.
            PocketsphinxNative.SetLogFile(IntPtr.Zero);
            if (RuntimeInformation.ProcessArchitecture == Architecture.X64 && OperatingSystem.IsLinux())
            {
                PocketsphinxNative.SetLogCallback(&OnMessage, IntPtr.Zero);
            }
            _installed = true;
        }
    }

    /// <summary>Runs a native call and returns the warnings and errors it logged on this thread.</summary>
    public static IReadOnlyList<string> Capture(Action call)
    {
        var previous = _collector;
        var messages = new List<string>();
        _collector = messages;
        try
        {
            call();
        }
        finally
        {
            _collector = previous;
        }
        return messages;
    }

    [UnmanagedCallersOnly]
    private static void OnMessage(IntPtr userData, int level, IntPtr format, IntPtr a0, IntPtr a1, IntPtr a2, IntPtr a3, IntPtr a4)
    {
        if (level < Warning || _collector is not { } collector || format == IntPtr.Zero) return;
        var text = Format(Marshal.PtrToStringUTF8(format) ?? "", [a0, a1, a2, a3, a4]);
        if (text.Length > 0) collector.Add(text);
    }

    /// <summary>Expands the <c>%s</c> and <c>%ld</c> conversions sphinxbase's formats use; anything else ends the text.</summary>
    internal static string Format(string format, ReadOnlySpan<IntPtr> arguments)
    {
        var text = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                text.Append(format[i]);
                continue;
            }
            if (format[i + 1] == '%')
            {
                text.Append('%');
                i++;
            }
            else if (format[i + 1] == 's' && next < arguments.Length)
            {
                text.Append(Marshal.PtrToStringUTF8(arguments[next++]));
                i++;
            }
            else if (format.AsSpan(i + 1).StartsWith("ld") && next < arguments.Length)
            {
                text.Append((long)arguments[next++]);
                i += 2;
            }
            else
            {
                break;
            }
        }
        return text.ToString().Trim();
    }
}
