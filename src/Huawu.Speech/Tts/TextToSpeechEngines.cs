using System.Diagnostics.CodeAnalysis;
using Huawu.Speech.Configuration;
using Huawu.Speech.Tts.Caching;
using Huawu.Speech.Tts.Espeak;
using Huawu.Speech.Tts.Http;
using Huawu.Speech.Tts.Prompts;
using Huawu.Speech.Tts.Sherpa;

namespace Huawu.Speech.Tts;

/// <summary>
/// The TTS engines of a node (or of one CLI run), made from <c>speech.tts</c> on first use — an engine that is not
/// used never loads its library or models — and shared by every call. espeak, sherpa and http sit behind the shared
/// cache; prompts speaks its unrecorded parts through the (cached) fallback engine.
/// </summary>
public sealed class TextToSpeechEngines : IDisposable
{
    private readonly TtsOptions _options;
    private readonly string _dataDirectory;
    private readonly string _modelDirectory;
    private readonly TimeProvider _time;
    private readonly Func<string, string?> _environment;
    private readonly TtsAudioCache? _cache;
    private readonly Dictionary<string, (ITextToSpeech? Engine, string? Error)> _engines = [];
    private readonly List<IDisposable> _owned = [];

    /// <param name="options">The <c>speech.tts</c> section (validated).</param>
    /// <param name="dataDirectory">Where relative prompt and cache paths start.</param>
    /// <param name="modelDirectory">Where the relative sherpa model directory starts (<c>speech.model_directory</c>, resolved).</param>
    /// <param name="diskCache">Whether to use the disk cache when the options ask for it (one-off CLI runs do not).</param>
    /// <param name="time">The clock for HTTP timeouts and retries.</param>
    /// <param name="environment">Reads an environment variable (the HTTP API key); the process environment by default.</param>
    public TextToSpeechEngines(TtsOptions options, string dataDirectory, string modelDirectory, bool diskCache = true, TimeProvider? time = null,
        Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _dataDirectory = dataDirectory;
        _modelDirectory = modelDirectory;
        _time = time ?? TimeProvider.System;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        var disk = diskCache && options.Cache.Disk ? Path.Combine(dataDirectory, options.Cache.Directory) : null;
        if (options.Cache.MemoryMb > 0 || disk is not null)
        {
            _cache = new TtsAudioCache((long)options.Cache.MemoryMb << 20, disk, (long)options.Cache.DiskMb << 20);
        }
    }

    /// <summary>The engine and voice that speak <paramref name="language"/> by default (the default language's when none or unknown).</summary>
    public TtsVoiceChoice DefaultVoice(string? language = null)
    {
        if (language is not null && _options.Languages.TryGetValue(language, out var choice)) return choice;
        if (language is not null && _options.Languages.TryGetValue(language.Split('-')[0], out choice)) return choice;
        return _options.Languages.TryGetValue(_options.DefaultLanguage, out choice)
            ? choice
            : new TtsVoiceChoice { Engine = _options.DefaultEngine, Voice = "" };
    }

    /// <summary>The engine named <paramref name="name"/> (see <see cref="TtsEngineNames"/>), or why it cannot run here.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out ITextToSpeech? engine, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_engines) return TryGetUnlocked(name, out engine, out error);
    }

    /// <summary>The prompts engine as a composer of lines with variables.</summary>
    public bool TryGetComposer([NotNullWhen(true)] out IPromptComposer? composer, [NotNullWhen(false)] out string? error)
    {
        composer = TryGet(TtsEngineNames.Prompts, out var engine, out error) ? (IPromptComposer)engine : null;
        return composer is not null;
    }

    public void Dispose()
    {
        foreach (var owned in _owned) owned.Dispose();
    }

    private (ITextToSpeech?, string?) Create(string name)
    {
        switch (name)
        {
            case TtsEngineNames.Espeak:
                return EspeakTextToSpeech.TryCreate(out var espeak, out var error) ? (Cached(espeak!), null) : (null, error);
            case TtsEngineNames.Sherpa:
                var models = Path.Combine(_modelDirectory, _options.SherpaModelDirectory);
                if (!SherpaTextToSpeech.TryCreate(models, _options.SherpaThreads, out var sherpa, out var errors)) return (null, string.Join("\n", errors));
                _owned.Add(sherpa!);
                return (Cached(sherpa!), null);
            case TtsEngineNames.Http:
                return CreateHttp();
            case TtsEngineNames.Prompts:
                if (!TryGetUnlocked(_options.PromptsFallbackEngine, out var fallback, out error)) return (null, $"prompts: the fallback engine: {error}");
                var directory = Path.Combine(_dataDirectory, _options.PromptsDirectory);
                return PromptLibrary.TryLoad(directory, out var library, out var problems)
                    ? (new PromptTextToSpeech(library!, fallback), null)
                    : (null, string.Join("\n", problems));
            default:
                return (null, $"no TTS engine '{name}' (engines: {string.Join(", ", TtsEngineNames.All)})");
        }
    }

    private bool TryGetUnlocked(string name, [NotNullWhen(true)] out ITextToSpeech? engine, [NotNullWhen(false)] out string? error)
    {
        if (!_engines.TryGetValue(name, out var made))
        {
            made = Create(name);
            _engines[name] = made;
        }
        (engine, error) = made;
        return engine is not null;
    }

    private (ITextToSpeech?, string?) CreateHttp()
    {
        var http = _options.Http;
        if (http.BaseUrl is null) return (null, "http: speech.tts.http.base_url is not set");
        var key = string.IsNullOrEmpty(http.ApiKeyEnv) ? null : _environment(http.ApiKeyEnv);
        var engine = new OpenAiSpeechEngine(new OpenAiSpeechOptions
        {
            BaseUrl = new Uri(http.BaseUrl),
            Model = http.Model,
            ApiKey = key,
            Voices = http.Voices,
            Language = http.Language,
            ResponseFormat = http.ResponseFormat,
            SampleRate = http.SampleRate,
            FirstByteTimeout = TimeSpan.FromSeconds(http.FirstByteTimeoutSeconds),
            MaxAttempts = http.MaxAttempts,
            MaxRetryDelay = TimeSpan.FromSeconds(http.MaxRetryDelaySeconds),
        }, _time);
        _owned.Add(engine);
        return (Cached(engine), null);
    }

    private ITextToSpeech Cached(ITextToSpeech engine) => _cache is null ? engine : new CachingTextToSpeech(engine, _cache);
}
