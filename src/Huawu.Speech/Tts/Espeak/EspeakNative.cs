using System.Runtime.InteropServices;

namespace Huawu.Speech.Tts.Espeak;

/// <summary>
/// P/Invoke declarations for libespeak-ng's C API (<c>speak_lib.h</c>, API revision 12, as in Debian 12's
/// libespeak-ng1 1.51). espeak-ng keeps its state in globals: every call here must come from
/// <see cref="EspeakWorker"/>'s one thread.
/// </summary>
internal static unsafe partial class EspeakNative
{
    public const string Library = "libespeak-ng.so.1";

    /// <summary>espeak_AUDIO_OUTPUT: AUDIO_OUTPUT_SYNCHRONOUS — espeak_Synth returns when done, calling the synth callback as it goes.</summary>
    public const int AudioOutputSynchronous = 2;

    /// <summary>espeak_POSITION_TYPE: POS_CHARACTER.</summary>
    public const int PositionCharacter = 1;

    /// <summary>espeakCHARS_UTF8: the text is UTF-8.</summary>
    public const uint CharsUtf8 = 1;

    /// <summary>espeakENDPAUSE: end the text with a sentence pause, so sentences synthesized one by one sound joined.</summary>
    public const uint EndPause = 0x1000;

    /// <summary>espeakINITIALIZE_DONT_EXIT: return an error instead of exiting the process when espeak-ng-data is missing.</summary>
    public const int InitializeDontExit = 0x8000;

    /// <summary>espeak_ERROR values.</summary>
    public const int Ok = 0;
    public const int NotFound = 2;

    /// <summary>espeak_PARAMETER: espeakRATE, words per minute (80–450, default 175).</summary>
    public const int ParameterRate = 1;

    /// <summary>Returns the sample rate in Hz, or -1 (EE_INTERNAL_ERROR).</summary>
    [LibraryImport(Library, EntryPoint = "espeak_Initialize", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Initialize(int output, int bufferMilliseconds, string? path, int options);

    /// <summary>Sets <c>int callback(short *wav, int numsamples, espeak_EVENT *events)</c>; it returns 0 to go on, 1 to abort.</summary>
    [LibraryImport(Library, EntryPoint = "espeak_SetSynthCallback")]
    public static partial void SetSynthCallback(delegate* unmanaged[Cdecl]<short*, int, EspeakEvent*, int> callback);

    [LibraryImport(Library, EntryPoint = "espeak_SetVoiceByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetVoiceByName(string name);

    [LibraryImport(Library, EntryPoint = "espeak_SetParameter")]
    public static partial int SetParameter(int parameter, int value, int relative);

    /// <summary><c>size</c> counts the bytes of the text including its terminating zero.</summary>
    [LibraryImport(Library, EntryPoint = "espeak_Synth")]
    public static partial int Synth(byte* text, nuint size, uint position, int positionType, uint endPosition, uint flags,
        uint* uniqueIdentifier, void* userData);

    /// <summary>A null-terminated array of voices (all when <paramref name="voiceSpec"/> is null), owned by espeak-ng.</summary>
    [LibraryImport(Library, EntryPoint = "espeak_ListVoices")]
    public static partial EspeakVoice** ListVoices(EspeakVoice* voiceSpec);

    [LibraryImport(Library, EntryPoint = "espeak_Info")]
    public static partial byte* Info(byte** pathData);

    [LibraryImport(Library, EntryPoint = "espeak_Terminate")]
    public static partial int Terminate();
}

/// <summary><c>espeak_EVENT</c> (x86-64 layout: six 32-bit fields, the user pointer, an 8-byte union).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct EspeakEvent
{
    public int Type;
    public uint UniqueIdentifier;
    public int TextPosition;
    public int Length;
    public int AudioPosition;
    public int Sample;
    public void* UserData;
    public long Id;
}

/// <summary><c>espeak_VOICE</c>: <c>languages</c> is a list of (priority byte, zero-terminated name), ended by a zero byte.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct EspeakVoice
{
    public byte* Name;
    public byte* Languages;
    public byte* Identifier;
    public byte Gender;
    public byte Age;
    public byte Variant;
    public byte Reserved;
    public int Score;
    public void* Spare;
}
