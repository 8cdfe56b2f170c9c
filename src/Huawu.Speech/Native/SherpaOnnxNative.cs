using System.Runtime.InteropServices;

namespace Huawu.Speech.Native;

/// <summary>
/// P/Invoke declarations for sherpa-onnx's C API (<c>libsherpa-onnx-c-api.so</c>, copied next to the program from
/// the npm package <c>sherpa-onnx-linux-x64</c> that <c>make setup</c> installs). Partial: each engine declares the
/// functions it uses in its own file (<c>SherpaOnnxNative.Vad.cs</c>, <c>.Tts.cs</c>, <c>.Asr.cs</c>), mirroring
/// <c>sherpa-onnx/c-api/c-api.h</c> of version 1.13.8, whose struct layouts the declarations must match exactly.
/// </summary>
internal static partial class SherpaOnnxNative
{
    public const string Library = "sherpa-onnx-c-api";

    [LibraryImport(Library)]
    public static partial IntPtr SherpaOnnxGetVersionStr();
}
