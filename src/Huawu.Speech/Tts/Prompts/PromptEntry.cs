namespace Huawu.Speech.Tts.Prompts;

/// <summary>A recorded line: its id (the file name without <c>.wav</c>), what it says, and its audio at the library's rate.</summary>
internal sealed record PromptEntry(string Id, string Text, string File, short[] Samples);
