using System.Runtime.InteropServices;

namespace Huawu.Speech.Native;

/// <summary>
/// P/Invoke declarations for Debian's pocketsphinx 0.8+5prealpha (<c>libpocketsphinx.so.3</c>) and its sphinxbase
/// (<c>libsphinxbase.so.3</c>), from <c>pocketsphinx.h</c>, <c>ps_search.h</c>, <c>cmd_ln.h</c> and <c>err.h</c> of that
/// version. Configuration goes through <c>cmd_ln_parse_r</c> (an argv array) rather than the variadic
/// <c>cmd_ln_init</c>, which P/Invoke cannot call portably. A decoder is not thread-safe: one thread at a time.
/// </summary>
internal static unsafe partial class PocketsphinxNative
{
    public const string Library = "libpocketsphinx.so.3";
    public const string BaseLibrary = "libsphinxbase.so.3";

    /// <summary><c>arg_t const *ps_args(void)</c>: the decoder's argument definitions.</summary>
    [LibraryImport(Library, EntryPoint = "ps_args")]
    public static partial IntPtr Arguments();

    /// <summary><c>cmd_ln_t *cmd_ln_parse_r(cmd_ln_t *inout, arg_t const *defn, int32 argc, char *argv[], int strict)</c>.</summary>
    [LibraryImport(BaseLibrary, EntryPoint = "cmd_ln_parse_r")]
    public static partial IntPtr ParseArguments(IntPtr inout, IntPtr definitions, int count, IntPtr* values, int strict);

    /// <summary><c>int cmd_ln_free_r(cmd_ln_t *cmdln)</c>: drops one reference (the decoder keeps its own).</summary>
    [LibraryImport(BaseLibrary, EntryPoint = "cmd_ln_free_r")]
    public static partial int FreeArguments(IntPtr arguments);

    /// <summary><c>ps_decoder_t *ps_init(cmd_ln_t *config)</c>; null when a model file cannot be loaded.</summary>
    [LibraryImport(Library, EntryPoint = "ps_init")]
    public static partial IntPtr Init(IntPtr arguments);

    [LibraryImport(Library, EntryPoint = "ps_free")]
    public static partial int Free(IntPtr decoder);

    /// <summary><c>int ps_set_jsgf_string(ps_decoder_t *ps, const char *name, const char *jsgf_string)</c>.</summary>
    [LibraryImport(Library, EntryPoint = "ps_set_jsgf_string", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetJsgfString(IntPtr decoder, string name, string jsgf);

    /// <summary><c>int ps_set_kws(ps_decoder_t *ps, const char *name, const char *keyfile)</c>: one keyphrase per line.</summary>
    [LibraryImport(Library, EntryPoint = "ps_set_kws", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetKeywordFile(IntPtr decoder, string name, string path);

    /// <summary><c>int ps_set_lm_file(ps_decoder_t *ps, const char *name, const char *path)</c>.</summary>
    [LibraryImport(Library, EntryPoint = "ps_set_lm_file", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetLanguageModelFile(IntPtr decoder, string name, string path);

    [LibraryImport(Library, EntryPoint = "ps_set_search", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetSearch(IntPtr decoder, string name);

    [LibraryImport(Library, EntryPoint = "ps_unset_search", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnsetSearch(IntPtr decoder, string name);

    [LibraryImport(Library, EntryPoint = "ps_start_utt")]
    public static partial int StartUtterance(IntPtr decoder);

    /// <summary><c>int ps_process_raw(ps_decoder_t *ps, int16 const *data, size_t n_samples, int no_search, int full_utt)</c>.</summary>
    [LibraryImport(Library, EntryPoint = "ps_process_raw")]
    public static partial int ProcessRaw(IntPtr decoder, short* samples, nuint count, int noSearch, int fullUtterance);

    [LibraryImport(Library, EntryPoint = "ps_end_utt")]
    public static partial int EndUtterance(IntPtr decoder);

    /// <summary><c>int ps_get_n_frames(ps_decoder_t *ps)</c>: frames of the current (or last) utterance.</summary>
    [LibraryImport(Library, EntryPoint = "ps_get_n_frames")]
    public static partial int FrameCount(IntPtr decoder);

    /// <summary><c>char const *ps_get_hyp(ps_decoder_t *ps, int32 *out_best_score)</c>: owned by the decoder, valid until its next call.</summary>
    [LibraryImport(Library, EntryPoint = "ps_get_hyp")]
    public static partial IntPtr GetHypothesis(IntPtr decoder, out int bestScore);

    /// <summary><c>ps_seg_t *ps_seg_iter(ps_decoder_t *ps)</c>: the words of the best path (newest first for keyword spotting).</summary>
    [LibraryImport(Library, EntryPoint = "ps_seg_iter")]
    public static partial IntPtr SegmentIterator(IntPtr decoder);

    /// <summary><c>ps_seg_t *ps_seg_next(ps_seg_t *seg)</c>: null at the end, having freed the iterator.</summary>
    [LibraryImport(Library, EntryPoint = "ps_seg_next")]
    public static partial IntPtr SegmentNext(IntPtr segment);

    [LibraryImport(Library, EntryPoint = "ps_seg_word")]
    public static partial IntPtr SegmentWord(IntPtr segment);

    /// <summary><c>void ps_seg_frames(ps_seg_t *seg, int *out_sf, int *out_ef)</c>: first and last frame (100 per second).</summary>
    [LibraryImport(Library, EntryPoint = "ps_seg_frames")]
    public static partial void SegmentFrames(IntPtr segment, out int startFrame, out int endFrame);

    [LibraryImport(Library, EntryPoint = "ps_seg_free")]
    public static partial void SegmentFree(IntPtr segment);

    /// <summary>
    /// <c>void err_set_callback(err_cb_f cb, void *user_data)</c> with
    /// <c>typedef void (*err_cb_f)(void *user_data, err_lvl_t, const char *fmt, ...)</c>.
    /// </summary>
    [LibraryImport(BaseLibrary, EntryPoint = "err_set_callback")]
    public static partial void SetLogCallback(delegate* unmanaged<IntPtr, int, IntPtr, IntPtr, IntPtr, IntPtr, IntPtr, IntPtr, void> callback, IntPtr userData);

    /// <summary><c>void err_set_logfp(FILE *stream)</c>: null turns sphinxbase's log off.</summary>
    [LibraryImport(BaseLibrary, EntryPoint = "err_set_logfp")]
    public static partial void SetLogFile(IntPtr stream);
}
