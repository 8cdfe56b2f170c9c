using Huawu.Media.Audio;
using Huawu.Speech.Configuration;
using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Prompts;

namespace Huawu.Speech.Tests.Tts;

[Collection(EspeakCollection.Name)]
public class TextToSpeechEnginesTests
{
    [Fact]
    public void The_default_settings_are_valid_and_speak_Mandarin_and_English_with_espeak()
    {
        var options = new TtsOptions();
        Assert.Empty(options.Validate());
        using var temp = new TempDirectory();
        using var engines = new TextToSpeechEngines(options, temp.Path, temp.File("models"));
        Assert.Equal(("espeak", "cmn"), (engines.DefaultVoice().Engine, engines.DefaultVoice().Voice));
        Assert.Equal("en-us", engines.DefaultVoice("en-GB").Voice);
        Assert.Equal("cmn", engines.DefaultVoice("fr").Voice);
    }

    [Fact]
    public void Settings_errors_name_their_keys()
    {
        var options = new TtsOptions
        {
            DefaultEngine = "festival",
            PromptsFallbackEngine = "prompts",
            SherpaThreads = 0,
            Languages = { ["en"] = new TtsVoiceChoice { Engine = "http", Voice = "" } },
            Http = { MaxAttempts = 0 },
            Cache = { MemoryMb = -1 },
        };
        Assert.Equal(
        [
            "speech.tts.default_engine: 'festival' is not an engine (espeak, prompts, sherpa, http)",
            "speech.tts.prompts_fallback_engine: 'prompts' is not a synthesizing engine (espeak, sherpa, http)",
            "speech.tts.languages.en.voice: required",
            "speech.tts.sherpa_threads: 0 is not 1-64",
            "speech.tts.http.base_url: required, since the http engine is in use",
            "speech.tts.http.max_attempts: 0 is not 1-10",
            "speech.tts.cache.memory_mb: -1 is negative",
        ], options.Validate());
    }

    [Fact]
    public async Task Engines_are_made_once_behind_the_cache_and_explain_why_they_cannot_run()
    {
        using var temp = new TempDirectory();
        using var engines = new TextToSpeechEngines(new TtsOptions(), temp.Path, temp.File("models"));
        Assert.True(engines.TryGet("espeak", out var espeak, out _));
        Assert.True(engines.TryGet("espeak", out var again, out _));
        Assert.Same(espeak, again);
        var first = await AudioMeasure.CollectAsync(espeak.SynthesizeAsync(SpeechText.Plain("好的。"), "cmn"));
        var cached = await AudioMeasure.CollectAsync(espeak.SynthesizeAsync(SpeechText.Plain("好的。"), "cmn"));
        Assert.Equal(first.Samples, cached.Samples);
        Assert.Single(Directory.GetFiles(temp.File("tts-cache"), "*.pcm"));

        Assert.False(engines.TryGet("festival", out _, out var error));
        Assert.Equal("no TTS engine 'festival' (engines: espeak, prompts, sherpa, http)", error);
        Assert.False(engines.TryGet("sherpa", out _, out error));
        Assert.StartsWith($"{temp.File("models/tts")}: no such TTS model directory", error, StringComparison.Ordinal);
        Assert.False(engines.TryGet("http", out _, out error));
        Assert.Equal("http: speech.tts.http.base_url is not set", error);
    }

    [Fact]
    public async Task The_prompts_engine_and_composer_come_from_the_prompts_directory()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("prompts"));
        using (var writer = WavWriter.Create(Path.Combine(temp.File("prompts"), "hello.wav"), 8000, 1)) writer.Write(Enumerable.Repeat((short)1000, 800).ToArray());
        File.WriteAllText(Path.Combine(temp.File("prompts"), PromptLibrary.IndexFileName), "hello: 您好\n");
        using var engines = new TextToSpeechEngines(new TtsOptions { Cache = { Disk = false } }, temp.Path, temp.File("models"));
        Assert.True(engines.TryGetComposer(out var composer, out var error), error);
        Assert.True(PromptTemplate.TryParse("您好{name}", out var template, out _));
        var (samples, rate, _) = await AudioMeasure.CollectAsync(composer.ComposeAsync(template, new Dictionary<string, string> { ["name"] = "李雷" }, "cmn"));
        Assert.Equal(8000, rate);
        Assert.Equal(Enumerable.Repeat((short)1000, 800), samples[..800]);
        Assert.True(samples.Length > 800 + 2000, "the name follows, spoken");
    }

    [Fact]
    public async Task The_http_engine_takes_its_key_from_the_named_environment_variable()
    {
        await using var server = await OpenAiSpeechServer.StartAsync();
        using var temp = new TempDirectory();
        var options = new TtsOptions { Http = { BaseUrl = server.BaseUrl.ToString(), ApiKeyEnv = "MY_TTS_KEY", Voices = ["nova"] } };
        using var engines = new TextToSpeechEngines(options, temp.Path, temp.File("models"), diskCache: false,
            environment: name => name == "MY_TTS_KEY" ? OpenAiSpeechServer.Key : null);
        Assert.True(engines.TryGet("http", out var http, out var error), error);
        var (samples, rate, _) = await AudioMeasure.CollectAsync(http.SynthesizeAsync(SpeechText.Plain("您好。"), "nova"));
        Assert.Equal(24000, rate);
        Assert.Equal(OpenAiSpeechServer.AudioFor("您好。"), samples);
        Assert.Equal("Bearer " + OpenAiSpeechServer.Key, Assert.Single(server.Requests).Authorization);
    }
}
