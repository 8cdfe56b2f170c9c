using System.Runtime.InteropServices;
using Huawu.Speech.Native;

namespace Huawu.Speech.Asr.Pocketsphinx;

/// <summary>
/// One pocketsphinx decoder: the loaded model plus the searches (grammars, keyword lists) set on it. Not thread-safe,
/// as the library's decoder is not: one session uses it at a time, then it goes back to the pool. Setting up
/// (<c>ps_init</c>, compiling a grammar) is serialized process-wide, since sphinxbase's parsers share state; decoding is not.
/// </summary>
internal sealed unsafe class PocketsphinxDecoder : IDisposable
{
    /// <summary>pocketsphinx_internal.h: the search <c>-lm</c> creates at init.</summary>
    public const string LanguageModelSearch = "_default";

    /// <summary>Searches kept compiled per decoder; the least recently used beyond this is unset.</summary>
    private const int MaxSearches = 8;

    /// <summary>pocketsphinx's frame rate (<c>-frate</c>): segment times are in frames.</summary>
    private const int FramesPerSecond = 100;

    private static readonly Lock SetupGate = new();
    private readonly List<string> _searches = [];
    private IntPtr _handle;

    private PocketsphinxDecoder(IntPtr handle) => _handle = handle;

    /// <summary>Set when a native call failed: the decoder's state is unknown, so it is freed rather than pooled.</summary>
    public bool IsBroken { get; private set; }

    public static PocketsphinxDecoder? TryCreate(PocketsphinxModel model, out string? error)
    {
        ArgumentNullException.ThrowIfNull(model);
        PocketsphinxLog.Install();
        var arguments = model.DecoderArguments();
        var strings = new IntPtr[arguments.Count];
        var handle = IntPtr.Zero;
        IReadOnlyList<string> messages;
        try
        {
            for (var i = 0; i < strings.Length; i++) strings[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            lock (SetupGate)
            {
                messages = PocketsphinxLog.Capture(() =>
                {
                    fixed (IntPtr* argv = strings)
                    {
                        var config = PocketsphinxNative.ParseArguments(IntPtr.Zero, PocketsphinxNative.Arguments(), strings.Length, argv, 1);
                        if (config == IntPtr.Zero) return;
                        handle = PocketsphinxNative.Init(config);
                        // The decoder holds its own reference to the configuration; this drops ours (returns the count left).
                        _ = PocketsphinxNative.FreeArguments(config);
                    }
                });
            }
        }
        finally
        {
            foreach (var s in strings) Marshal.FreeCoTaskMem(s);
        }
        error = handle == IntPtr.Zero ? "pocketsphinx could not load its model: " + Describe(messages) : null;
        return handle == IntPtr.Zero ? null : new PocketsphinxDecoder(handle);
    }

    /// <summary>Compiles (once per decoder) and selects a JSGF grammar.</summary>
    public bool TryUseGrammar(string name, string jsgf, out string? error) =>
        TryUse(name, () => PocketsphinxNative.SetJsgfString(_handle, name, jsgf), "the grammar", out error);

    /// <summary>
    /// Loads and selects a keyword list file (lines <c>phrase /threshold/</c>). Loaded afresh for every utterance: the
    /// 5prealpha keyword search counts detection frames from its creation, not from the utterance's start.
    /// </summary>
    public bool TryUseKeywords(string name, Func<string> writeKeywordFile, out string? error)
    {
        ArgumentNullException.ThrowIfNull(writeKeywordFile);
        if (_searches.Remove(name)) _ = PocketsphinxNative.UnsetSearch(_handle, name);
        return TryUse(name, () =>
        {
            var path = writeKeywordFile();
            try
            {
                return PocketsphinxNative.SetKeywordFile(_handle, name, path);
            }
            finally
            {
                File.Delete(path);
            }
        }, "the keyword list", out error);
    }

    /// <summary>Selects the n-gram model loaded at init (<c>-lm</c>).</summary>
    public bool TryUseLanguageModel(out string? error)
    {
        error = PocketsphinxNative.SetSearch(_handle, LanguageModelSearch) == 0 ? null : "pocketsphinx has no language model loaded";
        return error is null;
    }

    public bool TryStartUtterance(out string? error)
    {
        var messages = PocketsphinxLog.Capture(() => Check(PocketsphinxNative.StartUtterance(_handle)));
        error = IsBroken ? "pocketsphinx could not start an utterance: " + Describe(messages) : null;
        return !IsBroken;
    }

    public void Process(ReadOnlySpan<short> samples)
    {
        fixed (short* data = samples)
        {
            Check(PocketsphinxNative.ProcessRaw(_handle, data, (nuint)samples.Length, 0, 0));
        }
    }

    public void EndUtterance() => Check(PocketsphinxNative.EndUtterance(_handle));

    /// <summary>The best hypothesis so far (partial while the utterance runs), words separated by single spaces.</summary>
    public string Hypothesis()
    {
        var text = Marshal.PtrToStringUTF8(PocketsphinxNative.GetHypothesis(_handle, out _));
        return string.IsNullOrWhiteSpace(text) ? "" : string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The words of the best path, without silences and fillers (<c>&lt;sil&gt;</c>, <c>[NOISE]</c>, <c>(NULL)</c>), with
    /// times in the utterance; for keyword spotting, one entry per detection, newest first.
    /// </summary>
    /// <remarks>
    /// Debian's 5prealpha numbers segment frames from an origin that drifts between utterances (neither the decoder's
    /// creation nor the utterance's start), so times are anchored instead: the best path ends at the utterance's current
    /// last frame. Keyword detections have no path; their <paramref name="anchor"/> is where the caller first saw them.
    /// </remarks>
    public List<(string Word, TimeSpan Start, TimeSpan End)> Segments(TimeSpan? anchor = null)
    {
        var raw = new List<(string Word, int Start, int End)>();
        for (var segment = PocketsphinxNative.SegmentIterator(_handle); segment != IntPtr.Zero; segment = PocketsphinxNative.SegmentNext(segment))
        {
            PocketsphinxNative.SegmentFrames(segment, out var start, out var end);
            raw.Add((Marshal.PtrToStringUTF8(PocketsphinxNative.SegmentWord(segment))?.Trim() ?? "", start, end));
        }
        var segments = new List<(string, TimeSpan, TimeSpan)>();
        if (raw.Count == 0) return segments;
        var pathEnd = raw.Max(s => s.End);
        var lastFrame = PocketsphinxNative.FrameCount(_handle) - 1;
        foreach (var (word, start, end) in raw)
        {
            if (word.Length == 0 || word[0] is '<' or '[' or '+' or '(') continue;
            var until = anchor ?? FrameTime(lastFrame - (pathEnd - end));
            segments.Add((word, until - FrameTime(end - start + 1), until));
        }
        return segments;
    }

    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (handle != IntPtr.Zero) _ = PocketsphinxNative.Free(handle); // returns the remaining reference count
    }

    private bool TryUse(string name, Func<int> set, string what, out string? error)
    {
        error = null;
        if (!_searches.Remove(name))
        {
            int status = 0;
            IReadOnlyList<string> messages;
            lock (SetupGate) messages = PocketsphinxLog.Capture(() => status = set());
            if (status != 0)
            {
                error = $"pocketsphinx rejected {what}: {Describe(messages)}";
                return false;
            }
            if (_searches.Count >= MaxSearches)
            {
                _ = PocketsphinxNative.UnsetSearch(_handle, _searches[0]);
                _searches.RemoveAt(0);
            }
        }
        _searches.Add(name);
        if (PocketsphinxNative.SetSearch(_handle, name) != 0)
        {
            error = $"pocketsphinx could not select {what}";
            return false;
        }
        return true;
    }

    private static TimeSpan FrameTime(int frames) => TimeSpan.FromSeconds(Math.Max(0, frames) / (double)FramesPerSecond);

    private void Check(int status)
    {
        if (status < 0) IsBroken = true;
    }

    private static string Describe(IReadOnlyList<string> messages) =>
        messages.Count == 0 ? "no reason given" : string.Join(" | ", messages);
}
