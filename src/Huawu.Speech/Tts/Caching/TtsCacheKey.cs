using System.Security.Cryptography;
using System.Text;

namespace Huawu.Speech.Tts.Caching;

/// <summary>What makes two requests sound the same: the engine, the voice and the normalized text (the speech script).</summary>
internal readonly record struct TtsCacheKey(string Engine, string Voice, string Text)
{
    /// <summary>A file name for the disk cache: SHA-256 of the key, hex.</summary>
    public string FileName => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Engine}\n{Voice}\n{Text}"))) + ".pcm";

    /// <summary>Memory the key itself holds (UTF-16 strings).</summary>
    public long Bytes => 2L * (Engine.Length + Voice.Length + Text.Length);
}
