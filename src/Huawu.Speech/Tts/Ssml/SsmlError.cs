namespace Huawu.Speech.Tts.Ssml;

/// <summary>Why markup is not the SSML subset Huawu reads, and where: <paramref name="Position"/> counts characters from 0.</summary>
public sealed record SsmlError(int Position, string Reason)
{
    public override string ToString() => $"SSML error at character {Position}: {Reason}";
}
