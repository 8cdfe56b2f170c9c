using System.Diagnostics.CodeAnalysis;
using Huawu.Media.Audio;
using Huawu.Media.Dsp;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Diagnostics;

/// <summary>
/// The built-in extensions for checking a line (<see cref="DiagnosticsOptions"/>), written as ordinary inbound
/// handlers on the public call API: <c>echo</c> sends the caller's audio back, <c>tone</c> plays 1 kHz until the
/// caller hangs up, <c>playback</c> plays the configured WAV (or a short tone sequence) and hangs up. Upper layers
/// <see cref="Add"/> their own (the node's speech <c>parrot</c>), routed the same way.
/// </summary>
public sealed class DiagnosticExtensions
{
    private readonly DiagnosticsOptions _options;
    private readonly AudioClip _playbackClip;
    private readonly Lock _adding = new();
    private Dictionary<string, Func<ICall, Task>> _added = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Loads the playback WAV now, so a broken file shows at startup rather than on the first call.</summary>
    public DiagnosticExtensions(DiagnosticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _playbackClip = string.IsNullOrEmpty(options.PlaybackFile) ? BuiltInChime.Create() : AudioClip.Load(options.PlaybackFile);
    }

    /// <summary>Whether <paramref name="dialled"/> names a diagnostic extension.</summary>
    public bool IsDiagnostic(string dialled) => TryGetHandler(dialled, out _);

    /// <summary>The handler of the diagnostic extension <paramref name="dialled"/> names, if it names one.</summary>
    public bool TryGetHandler(string dialled, [NotNullWhen(true)] out Func<ICall, Task>? handler)
    {
        handler = null;
        if (Names(_options.Echo, dialled)) handler = EchoAsync;
        else if (Names(_options.Tone, dialled)) handler = ToneAsync;
        else if (Names(_options.Playback, dialled)) handler = PlaybackAsync;
        else if (Volatile.Read(ref _added).TryGetValue(dialled, out var added)) handler = added;
        return handler is not null;
    }

    /// <summary>
    /// Adds a diagnostic extension of an upper layer (before the engine starts, usually): calls to
    /// <paramref name="extension"/> go to <paramref name="handler"/>, from trunks and phones alike, as to the built-in ones.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty or taken.</exception>
    public void Add(string extension, Func<ICall, Task> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_adding)
        {
            if (TryGetHandler(extension, out _)) throw new ArgumentException($"The extension '{extension}' is taken.", nameof(extension));
            Volatile.Write(ref _added, new Dictionary<string, Func<ICall, Task>>(_added, StringComparer.OrdinalIgnoreCase) { [extension] = handler });
        }
    }

    /// <summary>Answers and sends every received frame straight back, until the caller hangs up.</summary>
    public static async Task EchoAsync(ICall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!await call.AnswerAsync()) return;
        using (call.Transmit(call.ReceivedAudio))
        {
            await call.Ended;
        }
    }

    /// <summary>Answers and plays the 1 kHz test tone at −10 dBm0 until the caller hangs up.</summary>
    public static async Task ToneAsync(ICall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!await call.AnswerAsync()) return;
        await call.PlayAsync(new ToneGenerator(ToneSpec.TestTone));
    }

    /// <summary>Answers, plays the clip once and hangs up.</summary>
    public async Task PlaybackAsync(ICall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!await call.AnswerAsync()) return;
        var played = await call.PlayAsync(new PlaybackSource(_playbackClip));
        if (played.End == PlaybackEnd.Completed) await call.HangupAsync();
    }

    private static bool Names(string extension, string dialled) =>
        !string.IsNullOrEmpty(extension) && string.Equals(extension, dialled, StringComparison.OrdinalIgnoreCase);
}
