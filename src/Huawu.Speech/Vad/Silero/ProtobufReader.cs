namespace Huawu.Speech.Vad.Silero;

/// <summary>
/// Walks the fields of one protobuf message (the encoding ONNX files use), checking the framing as it goes: every
/// key has a known wire type and every length stays inside the message. Enough to tell a damaged file from a
/// model without a protobuf library; values are read only where the caller asks.
/// </summary>
internal ref struct ProtobufReader
{
    // https://protobuf.dev/programming-guides/encoding/: wire types 0 VARINT, 1 I64, 2 LEN, 5 I32 (3 and 4, groups, are not used by ONNX).
    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _message;
    private int _position;

    public ProtobufReader(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>The field number of the field just read.</summary>
    public int Field { get; private set; }

    /// <summary>The body of the field just read when it is length-delimited (a string, bytes or a nested message).</summary>
    public ReadOnlySpan<byte> Body { get; private set; }

    /// <summary>Where the framing broke (byte offset inside this message), when <see cref="Broken"/>.</summary>
    public int BrokenAt { get; private set; }

    public bool Broken { get; private set; }

    /// <summary>Moves to the next field; false at the end of the message or when the framing is broken.</summary>
    public bool Next()
    {
        Body = default;
        if (_position == _message.Length || Broken) return false;
        var start = _position;
        if (!TryReadVarint(out var key) || key >> 3 is 0 or > int.MaxValue) return Fail(start);
        Field = (int)(key >> 3);
        switch ((int)(key & 7))
        {
            case Varint:
                return TryReadVarint(out _) || Fail(start);
            case Fixed64:
                return Skip(8) || Fail(start);
            case Fixed32:
                return Skip(4) || Fail(start);
            case LengthDelimited:
                if (!TryReadVarint(out var length) || length > (ulong)(_message.Length - _position)) return Fail(start);
                Body = _message.Slice(_position, (int)length);
                _position += (int)length;
                return true;
            default:
                return Fail(start);
        }
    }

    /// <summary>Reads to the end of the message; true when every field is well framed.</summary>
    public bool SkipToEnd()
    {
        while (Next())
        {
        }
        return !Broken;
    }

    private bool Skip(int count)
    {
        if (_message.Length - _position < count) return false;
        _position += count;
        return true;
    }

    private bool TryReadVarint(out ulong value)
    {
        value = 0;
        // A varint is at most 10 bytes of 7 bits each.
        for (var shift = 0; shift < 70 && _position < _message.Length; shift += 7)
        {
            var b = _message[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return true;
        }
        return false;
    }

    private bool Fail(int at)
    {
        Broken = true;
        BrokenAt = at;
        return false;
    }
}
