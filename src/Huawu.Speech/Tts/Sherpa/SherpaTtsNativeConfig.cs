using System.Runtime.InteropServices;
using Huawu.Speech.Native;

namespace Huawu.Speech.Tts.Sherpa;

/// <summary>
/// A <see cref="SherpaOnnxOfflineTtsConfig"/> with its strings as UTF-8 in native memory, which this object owns and
/// frees on dispose; sherpa-onnx copies what it needs during <c>SherpaOnnxCreateOfflineTts</c>. Unset strings stay
/// null pointers, which the library reads as empty, and unset numbers zero, which it replaces with its defaults.
/// </summary>
internal sealed unsafe class SherpaTtsNativeConfig : IDisposable
{
    private readonly List<IntPtr> _strings = [];
    private SherpaOnnxOfflineTtsConfig _config;

    public SherpaTtsNativeConfig(int threads, bool debug)
    {
        _config.Model.NumThreads = threads;
        _config.Model.Debug = debug ? 1 : 0;
        _config.Model.Provider = Utf8("cpu");
        // Sentences are fed one at a time; the library's own splitting then keeps its first audio early too.
        _config.MaxNumSentences = 1;
    }

    /// <summary>The struct to pass by reference; valid while this object is alive.</summary>
    public ref SherpaOnnxOfflineTtsConfig Value => ref _config;

    public static SherpaTtsNativeConfig For(SherpaTtsModelFiles files, int threads, bool debug = false)
    {
        ArgumentNullException.ThrowIfNull(files);
        var native = new SherpaTtsNativeConfig(threads, debug);
        ref var model = ref native._config.Model;
        switch (files.Family)
        {
            case SherpaTtsFamily.Kokoro:
                model.Kokoro.Model = native.Utf8(files.Model);
                model.Kokoro.Voices = native.Utf8(files.Voices);
                model.Kokoro.Tokens = native.Utf8(files.Tokens);
                model.Kokoro.DataDir = native.Utf8(files.DataDirectory);
                model.Kokoro.Lexicon = native.Utf8(files.Lexicon);
                break;
            case SherpaTtsFamily.Matcha:
                model.Matcha.AcousticModel = native.Utf8(files.Model);
                model.Matcha.Vocoder = native.Utf8(files.Vocoder);
                model.Matcha.Tokens = native.Utf8(files.Tokens);
                model.Matcha.Lexicon = native.Utf8(files.Lexicon);
                model.Matcha.DataDir = native.Utf8(files.DataDirectory);
                break;
            default:
                model.Vits.Model = native.Utf8(files.Model);
                model.Vits.Tokens = native.Utf8(files.Tokens);
                model.Vits.Lexicon = native.Utf8(files.Lexicon);
                model.Vits.DataDir = native.Utf8(files.DataDirectory);
                break;
        }
        native._config.RuleFsts = native.Utf8(files.RuleFsts);
        return native;
    }

    /// <summary>Calls <c>SherpaOnnxCreateOfflineTts</c> with this config: the engine, or zero when the library rejects it.</summary>
    public IntPtr CreateTts()
    {
        fixed (SherpaOnnxOfflineTtsConfig* native = &_config) return SherpaOnnxNative.SherpaOnnxCreateOfflineTts(native);
    }

    /// <summary>Copies a string to native memory owned by this config; null stays null.</summary>
    public IntPtr Utf8(string? value)
    {
        if (value is null) return IntPtr.Zero;
        var pointer = Marshal.StringToCoTaskMemUTF8(value);
        _strings.Add(pointer);
        return pointer;
    }

    public void Dispose()
    {
        foreach (var pointer in _strings) Marshal.FreeCoTaskMem(pointer);
        _strings.Clear();
    }
}
