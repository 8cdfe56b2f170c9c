namespace Huawu.Speech.Models;

/// <summary>How a pull ended: <see cref="Succeeded"/> (installed now or already there) and a sentence saying what happened.</summary>
public sealed record ModelPullResult(bool Succeeded, string Message)
{
    public static ModelPullResult Failed(string message) => new(false, message);
}
