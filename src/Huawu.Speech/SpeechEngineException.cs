namespace Huawu.Speech;

/// <summary>
/// An engine could not do what was asked for a reason outside the program: a model file is missing or corrupt,
/// a speech server refused or went away, a native library is absent. The message says which and what to do.
/// </summary>
public sealed class SpeechEngineException : Exception
{
    public SpeechEngineException() { }

    public SpeechEngineException(string message) : base(message) { }

    public SpeechEngineException(string message, Exception inner) : base(message, inner) { }
}
