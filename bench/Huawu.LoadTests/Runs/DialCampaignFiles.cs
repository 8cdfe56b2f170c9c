using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// What an operator brings to a dial campaign, generated: a contact list of distinct, valid China mobile numbers (national spelling,
/// as exported from a CRM) and the prompt WAV the node plays to each answered call before it hangs up (its length is the hold).
/// </summary>
internal static class DialCampaignFiles
{
    private const int SampleRate = 8000, BytesPerSample = 2;

    /// <summary>
    /// Writes <paramref name="count"/> contacts, 139 0000 0000 upwards, with the Chinese headers the importer knows, as Excel's
    /// "CSV UTF-8" does: with a byte-order mark. Without it the importer guesses from the first 64 KiB, and that guess misreads a larger
    /// UTF-8 file as GB18030 when the sample's end falls inside a character (TextEncodings drops a fixed 3 bytes).
    /// </summary>
    public static string WriteContacts(string directory, int count)
    {
        var path = Path.Combine(directory, "contacts.csv");
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        file.WriteLine("姓名,手机号");
        for (var i = 0; i < count; i++)
        {
            var number = (13_900_000_000L + i).ToString(CultureInfo.InvariantCulture);
            file.WriteLine($"客户{i.ToString(CultureInfo.InvariantCulture)},{number[..3]}-{number[3..7]}-{number[7..]}");
        }
        return path;
    }

    /// <summary>Writes <paramref name="length"/> of silence as a WAV the campaign accepts (8 kHz, 16-bit PCM, mono).</summary>
    public static string WriteHoldPrompt(string directory, TimeSpan length)
    {
        var path = Path.Combine(directory, "hold.wav");
        var dataBytes = (int)(length.TotalSeconds * SampleRate) * BytesPerSample;
        var wav = new byte[44 + dataBytes];
        // The canonical 44-byte RIFF/WAVE header: "fmt " chunk of PCM (format 1), then the "data" chunk; samples stay zero.
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), SampleRate * BytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), BytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 8 * BytesPerSample);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), dataBytes);
        File.WriteAllBytes(path, wav);
        return path;
    }
}
