using System.Text;

namespace Huawu.Sip.Messages;

/// <summary>
/// A request method. Methods are case-sensitive tokens (RFC 3261 §7.1): "invite" is an unknown method, not INVITE.
/// Known methods carry no allocation; unknown ones keep their name.
/// </summary>
public readonly struct SipMethod : IEquatable<SipMethod>
{
    private static readonly string[] KnownNames =
        ["", "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE"];

    private static readonly byte[][] KnownBytes = [.. KnownNames.Select(Encoding.ASCII.GetBytes)];

    private readonly string? unknownName;

    private SipMethod(KnownMethod known, string? unknownName)
    {
        Known = known;
        this.unknownName = unknownName;
    }

    public static SipMethod Invite { get; } = new(KnownMethod.Invite, null);
    public static SipMethod Ack { get; } = new(KnownMethod.Ack, null);
    public static SipMethod Bye { get; } = new(KnownMethod.Bye, null);
    public static SipMethod Cancel { get; } = new(KnownMethod.Cancel, null);
    public static SipMethod Options { get; } = new(KnownMethod.Options, null);
    public static SipMethod Register { get; } = new(KnownMethod.Register, null);
    public static SipMethod Prack { get; } = new(KnownMethod.Prack, null);
    public static SipMethod Subscribe { get; } = new(KnownMethod.Subscribe, null);
    public static SipMethod Notify { get; } = new(KnownMethod.Notify, null);
    public static SipMethod Publish { get; } = new(KnownMethod.Publish, null);
    public static SipMethod Info { get; } = new(KnownMethod.Info, null);
    public static SipMethod Refer { get; } = new(KnownMethod.Refer, null);
    public static SipMethod Message { get; } = new(KnownMethod.Message, null);
    public static SipMethod Update { get; } = new(KnownMethod.Update, null);

    public KnownMethod Known { get; }

    public string Name => unknownName ?? KnownNames[(int)Known];

    /// <summary>The method for a token (case-sensitive); an unknown token keeps its spelling.</summary>
    public static SipMethod FromName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var known = Array.IndexOf(KnownNames, name, 1);
        return known > 0 ? new SipMethod((KnownMethod)known, null) : new SipMethod(KnownMethod.Unknown, name);
    }

    internal static SipMethod FromBytes(KnownMethod known, ReadOnlySpan<byte> name) =>
        known != KnownMethod.Unknown ? new SipMethod(known, null) : new SipMethod(KnownMethod.Unknown, Encoding.UTF8.GetString(name));

    /// <summary>Recognizes a method token without allocating: one candidate by first letter, then one compare.</summary>
    internal static KnownMethod Recognize(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty) return KnownMethod.Unknown;
        var candidate = name[0] switch
        {
            (byte)'I' => name.Length == 6 ? KnownMethod.Invite : KnownMethod.Info,
            (byte)'A' => KnownMethod.Ack,
            (byte)'B' => KnownMethod.Bye,
            (byte)'C' => KnownMethod.Cancel,
            (byte)'O' => KnownMethod.Options,
            (byte)'R' => name.Length == 8 ? KnownMethod.Register : KnownMethod.Refer,
            (byte)'P' => name.Length == 5 ? KnownMethod.Prack : KnownMethod.Publish,
            (byte)'S' => KnownMethod.Subscribe,
            (byte)'N' => KnownMethod.Notify,
            (byte)'M' => KnownMethod.Message,
            (byte)'U' => KnownMethod.Update,
            _ => KnownMethod.Unknown,
        };
        return candidate != KnownMethod.Unknown && name.SequenceEqual(KnownBytes[(int)candidate]) ? candidate : KnownMethod.Unknown;
    }

    internal static ReadOnlySpan<byte> NameBytesOf(KnownMethod known) => KnownBytes[(int)known];

    public bool Equals(SipMethod other) => Known == other.Known && string.Equals(unknownName, other.unknownName, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SipMethod other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Known, unknownName);

    public static bool operator ==(SipMethod left, SipMethod right) => left.Equals(right);

    public static bool operator !=(SipMethod left, SipMethod right) => !left.Equals(right);

    public override string ToString() => Name;
}
