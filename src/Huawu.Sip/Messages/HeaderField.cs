using System.Runtime.InteropServices;
using Huawu.Sip.Headers;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Messages;

/// <summary>
/// One entry of a message's header table: which header, and where its name and value lie in the buffer.
/// Packed into 16 bytes because every parsed message carries one per header line.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct HeaderField
{
    private readonly int nameStart;
    private readonly int valueStart;
    private readonly int valueLength;
    private readonly ushort nameLength;

    public HeaderField(HeaderId id, ByteRange name, ByteRange value)
    {
        Id = id;
        nameStart = name.Start;
        nameLength = (ushort)name.Length;
        valueStart = value.Start;
        valueLength = value.Length;
    }

    public HeaderId Id { get; }

    public ByteRange Name => new(nameStart, nameLength);

    public ByteRange Value => new(valueStart, valueLength);
}
