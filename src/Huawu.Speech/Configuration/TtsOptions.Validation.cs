using Huawu.Speech.Tts;

namespace Huawu.Speech.Configuration;

/// <summary>Checks of <c>speech.tts</c>: every message names the key it is about.</summary>
public sealed partial class TtsOptions
{
    public IEnumerable<string> Validate()
    {
        const string Section = "speech.tts";
        var engines = string.Join(", ", TtsEngineNames.All);
        if (!TtsEngineNames.All.Contains(DefaultEngine)) yield return $"{Section}.default_engine: '{DefaultEngine}' is not an engine ({engines})";
        if (!TtsEngineNames.All.Contains(PromptsFallbackEngine) || PromptsFallbackEngine == TtsEngineNames.Prompts)
        {
            yield return $"{Section}.prompts_fallback_engine: '{PromptsFallbackEngine}' is not a synthesizing engine (espeak, sherpa, http)";
        }
        if (string.IsNullOrWhiteSpace(DefaultLanguage)) yield return $"{Section}.default_language: required";
        foreach (var (language, choice) in Languages)
        {
            if (!TtsEngineNames.All.Contains(choice.Engine)) yield return $"{Section}.languages.{language}.engine: '{choice.Engine}' is not an engine ({engines})";
            if (string.IsNullOrWhiteSpace(choice.Voice)) yield return $"{Section}.languages.{language}.voice: required";
        }
        if (SherpaThreads is < 1 or > 64) yield return $"{Section}.sherpa_threads: {SherpaThreads} is not 1-64";
        foreach (var error in ValidateHttp($"{Section}.http")) yield return error;
        if (Cache.MemoryMb < 0) yield return $"{Section}.cache.memory_mb: {Cache.MemoryMb} is negative";
        if (Cache.DiskMb < 0) yield return $"{Section}.cache.disk_mb: {Cache.DiskMb} is negative";
        if (Cache.Disk && string.IsNullOrWhiteSpace(Cache.Directory)) yield return $"{Section}.cache.directory: required when cache.disk is true";
    }

    private IEnumerable<string> ValidateHttp(string section)
    {
        var used = DefaultEngine == TtsEngineNames.Http || PromptsFallbackEngine == TtsEngineNames.Http || Languages.Values.Any(c => c.Engine == TtsEngineNames.Http);
        if (Http.BaseUrl is null)
        {
            if (used) yield return $"{section}.base_url: required, since the http engine is in use";
        }
        else if (!Uri.TryCreate(Http.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return $"{section}.base_url: '{Http.BaseUrl}' is not an http(s) URL";
        }
        if (string.IsNullOrWhiteSpace(Http.Model)) yield return $"{section}.model: required";
        if (Http.Voices.Count == 0) yield return $"{section}.voices: name at least one voice";
        if (Http.ResponseFormat is not ("pcm" or "wav")) yield return $"{section}.response_format: '{Http.ResponseFormat}' is not pcm or wav";
        if (Http.SampleRate is < 8000 or > 48000) yield return $"{section}.sample_rate: {Http.SampleRate} is not 8000-48000";
        if (Http.FirstByteTimeoutSeconds <= 0) yield return $"{section}.first_byte_timeout_seconds: must be positive";
        if (Http.MaxAttempts is < 1 or > 10) yield return $"{section}.max_attempts: {Http.MaxAttempts} is not 1-10";
        if (Http.MaxRetryDelaySeconds < 0) yield return $"{section}.max_retry_delay_seconds: must not be negative";
    }
}
