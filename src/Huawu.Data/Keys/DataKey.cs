namespace Huawu.Data.Keys;

/// <summary>
/// One AES-256 data key. Its id is written beside every value and recording it encrypts, so a value
/// encrypted before a rotation still names the key that opens it.
/// </summary>
public sealed class DataKey
{
    public const int Size = 32;

    internal DataKey(uint id, byte[] material, DateTimeOffset createdAt)
    {
        if (id == 0) throw new ArgumentOutOfRangeException(nameof(id), "Key ids start at 1.");
        if (material.Length != Size) throw new ArgumentException($"A data key is {Size} bytes.", nameof(material));
        Id = id;
        Material = material;
        CreatedAt = createdAt;
    }

    public uint Id { get; }

    public DateTimeOffset CreatedAt { get; }

    internal byte[] Material { get; }
}
