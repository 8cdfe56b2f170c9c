using System.Diagnostics.CodeAnalysis;
using Huawu.Server.Configuration;
using Huawu.Speech;
using Huawu.Speech.Asr;
using Huawu.Speech.Endpointing;
using Huawu.Speech.Tts;
using Huawu.Speech.Vad;

namespace Huawu.Server.Speech;

/// <summary>
/// The node's speech engines (<c>speech:</c>), shared by every call: each made on first use — an engine no call uses
/// never loads its library or model — and kept, or its reason for not running kept, for the node's life.
/// </summary>
internal sealed class NodeSpeech : IDisposable
{
    private readonly ServerConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, (ISpeechRecognizer? Engine, string? Error)> _recognizers = [];
    private (IVoiceActivityDetectorFactory? Factory, string? Error)? _vad;

    public NodeSpeech(ServerConfiguration configuration, TimeProvider time)
    {
        _configuration = configuration;
        _time = time;
        Tts = new TextToSpeechEngines(configuration.Speech.Tts, configuration.Data, ModelDirectory, time: time);
    }

    public TextToSpeechEngines Tts { get; }

    /// <summary>The endpointing every turn starts from (<c>speech.vad</c>).</summary>
    public EndpointingOptions Endpointing => _configuration.Speech.Vad.ToEndpointingOptions();

    private string ModelDirectory => Path.GetFullPath(Path.Combine(_configuration.Data, _configuration.Speech.ModelDirectory));

    /// <summary>The recognizer named <paramref name="engine"/> (empty: <c>speech.asr.engine</c>), or why it cannot run here.</summary>
    public bool TryGetRecognizer(string engine, [NotNullWhen(true)] out ISpeechRecognizer? recognizer, [NotNullWhen(false)] out string? error)
    {
        var name = string.IsNullOrEmpty(engine) ? _configuration.Speech.Asr.Engine : engine;
        lock (_recognizers)
        {
            if (!_recognizers.TryGetValue(name, out var made))
            {
                var created = SpeechRecognizers.TryCreate(name, _configuration.Speech.Asr, ModelDirectory, _time, out var reason);
                made = (created, reason ?? (created is null ? $"{name}: not available" : null));
                _recognizers[name] = made;
            }
            (recognizer, error) = made;
        }
        return recognizer is not null;
    }

    /// <summary>The detector factory <c>speech.vad</c> describes, or why it cannot run here.</summary>
    public bool TryGetVad([NotNullWhen(true)] out IVoiceActivityDetectorFactory? factory, [NotNullWhen(false)] out string? error)
    {
        lock (_recognizers)
        {
            if (_vad is null)
            {
                try
                {
                    _vad = (VoiceActivityDetectorFactory.FromOptions(_configuration.Speech.Vad, ModelDirectory), null);
                }
                catch (SpeechEngineException e)
                {
                    _vad = (null, e.Message);
                }
            }
            (factory, error) = _vad.Value;
        }
        return factory is not null;
    }

    public void Dispose()
    {
        Tts.Dispose();
        lock (_recognizers)
        {
            foreach (var (engine, _) in _recognizers.Values) engine?.Dispose();
        }
    }
}
