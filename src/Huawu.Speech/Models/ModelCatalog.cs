namespace Huawu.Speech.Models;

/// <summary>
/// The model packs <c>huawu models pull</c> knows: sherpa-onnx release assets with their SHA-256. The checksums are the
/// assets' digests as published by GitHub for the release and recorded by projects that pin them (silero's is also the
/// file in <c>../shared/models</c>); the sizes are informational.
/// </summary>
public static class ModelCatalog
{
    public static IReadOnlyList<ModelPack> All { get; } =
    [
        new("silero-vad", "Silero voice activity detector (speech.vad.engine: silero)",
            "asr-models/silero_vad.onnx",
            "9e2449e1087496d8d4caba907f23e0bd3f78d91fa552479bb9c23ac09cbb1fd6", 643_854,
            "silero-vad", ArchiveRoot: null),
        new("streaming-zipformer-zh-en", "Streaming zipformer transducer, Mandarin and English (speech.asr.sherpa.model_type: streaming_zipformer)",
            "asr-models/sherpa-onnx-streaming-zipformer-bilingual-zh-en-2023-02-20.tar.bz2",
            "27ffbd9ee24ad186d99acc2f6354d7992b27bcab490812510665fa8f9389c5f8", 511_274_346,
            "sherpa-onnx-streaming-zipformer-bilingual-zh-en-2023-02-20", "sherpa-onnx-streaming-zipformer-bilingual-zh-en-2023-02-20"),
        new("streaming-paraformer-zh-en", "Streaming paraformer, Mandarin and English (speech.asr.sherpa.model_type: streaming_paraformer)",
            "asr-models/sherpa-onnx-streaming-paraformer-bilingual-zh-en.tar.bz2",
            "5462a1fce42693deae572af1e8c4687124b12aa85fe61ff4d3168bb5280e205f", 1_047_319_737,
            "sherpa-onnx-streaming-paraformer-bilingual-zh-en", "sherpa-onnx-streaming-paraformer-bilingual-zh-en"),
        new("sense-voice", "SenseVoice small (int8), offline: Mandarin, Cantonese, English, Japanese, Korean (model_type: sense_voice)",
            "asr-models/sherpa-onnx-sense-voice-zh-en-ja-ko-yue-int8-2025-09-09.tar.bz2",
            "7305f7905bfcf77fa0b39388a313f3da35c68d971661a65475b56fb2162c8e63", Size: null,
            "sherpa-onnx-sense-voice-zh-en-ja-ko-yue-int8-2025-09-09", "sherpa-onnx-sense-voice-zh-en-ja-ko-yue-int8-2025-09-09"),
        new("vits-melo-zh-en", "MeloTTS VITS voice, Mandarin with English (a sherpa TTS voice)",
            "tts-models/vits-melo-tts-zh_en.tar.bz2",
            "e58351ed7149f290a54534538badd4077cdbe6fddc964b24d0bee870415d1514", 167_006_755,
            "tts/vits-melo-tts-zh_en", "vits-melo-tts-zh_en"),
    ];

    public static ModelPack? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
