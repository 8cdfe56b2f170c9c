using System.Globalization;

namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>Reads netstrings (<c>12:hello world!,</c>) from a stream.</summary>
internal sealed class NetstringReader(Stream stream)
{
    private const int MaxLengthDigits = 9;
    private readonly byte[] _one = new byte[1];

    /// <summary>The next payload, or null at the end of the stream.</summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellation)
    {
        var length = 0;
        var digits = 0;
        while (true)
        {
            var next = await ReadByteAsync(cancellation);
            if (next < 0) return null;
            if (next == ':') break;
            if (next is < '0' or > '9' || ++digits > MaxLengthDigits)
            {
                throw new InvalidDataException($"Bad netstring length character 0x{next:x2}.");
            }
            length = length * 10 + (next - '0');
        }
        var payload = new byte[length];
        await stream.ReadExactlyAsync(payload, cancellation);
        if (await ReadByteAsync(cancellation) != ',') throw new InvalidDataException("Netstring not terminated by ','.");
        return payload;
    }

    private async Task<int> ReadByteAsync(CancellationToken cancellation)
    {
        return await stream.ReadAsync(_one, cancellation) == 0 ? -1 : _one[0];
    }
}
