using System.Buffers.Binary;

namespace Huawu.Speech.Tts.Caching;

/// <summary>
/// The disk half: a file per utterance named by the key's hash — a small header (magic, version, rate) and the
/// samples little-endian. Files are written whole to a temporary name and renamed, so a crash never leaves a torn
/// entry; a file that does not read back is deleted and counts as a miss. Over its budget the store deletes the
/// files used least recently (a hit touches its file).
/// </summary>
internal sealed partial class TtsAudioCache
{
    private readonly DiskStore? _disk;

    private sealed class DiskStore
    {
        private static readonly byte[] Magic = "HWTTS\u0001"u8.ToArray();
        private readonly string _directory;
        private readonly long _budget;
        private readonly object _pruning = new();

        public DiskStore(string directory, long budget)
        {
            _directory = directory;
            _budget = budget;
            Directory.CreateDirectory(directory);
        }

        public async Task<CachedSpeech?> TryReadAsync(TtsCacheKey key, CancellationToken cancellation)
        {
            var path = Path.Combine(_directory, key.FileName);
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path, cancellation);
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            if (bytes.Length < Magic.Length + 4 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic) || (bytes.Length - Magic.Length - 4) % 2 != 0)
            {
                File.Delete(path);
                return null;
            }
            var rate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length));
            return new CachedSpeech(Audio.Pcm.FromLittleEndian(bytes.AsSpan(Magic.Length + 4)), rate);
        }

        public async Task WriteAsync(TtsCacheKey key, CachedSpeech speech, CancellationToken cancellation)
        {
            var bytes = new byte[Magic.Length + 4 + speech.Bytes];
            Magic.CopyTo(bytes, 0);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length), speech.SampleRate);
            for (var i = 0; i < speech.Samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(Magic.Length + 4 + (2 * i)), speech.Samples[i]);
            var path = Path.Combine(_directory, key.FileName);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                await File.WriteAllBytesAsync(temporary, bytes, cancellation);
                File.Move(temporary, path, overwrite: true);
                Prune();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The disk cache only saves work: a full or read-only disk costs a synthesis later, not this one.
                File.Delete(temporary);
            }
        }

        private void Prune()
        {
            if (_budget <= 0) return;
            lock (_pruning)
            {
                var files = new DirectoryInfo(_directory).GetFiles("*.pcm").OrderBy(f => f.LastWriteTimeUtc).ToList();
                var total = files.Sum(f => f.Length);
                foreach (var file in files.TakeWhile(_ => total > _budget))
                {
                    total -= file.Length;
                    file.Delete();
                }
            }
        }
    }
}
