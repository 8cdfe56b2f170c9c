using System.Runtime.InteropServices;
using Huawu.Speech.Native;

namespace Huawu.Speech.Tts.Sherpa;

/// <summary>A loaded sherpa-onnx TTS engine (<c>const SherpaOnnxOfflineTts*</c>), destroyed exactly once.</summary>
internal sealed class SherpaTtsHandle : SafeHandle
{
    public SherpaTtsHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public static SherpaTtsHandle FromPointer(IntPtr pointer)
    {
        var created = new SherpaTtsHandle();
        created.SetHandle(pointer);
        return created;
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnxNative.SherpaOnnxDestroyOfflineTts(handle);
        return true;
    }
}
