using System.Text;

namespace Huawu.Data.Protection;

/// <summary>
/// A database column that holds encrypted personal data. Its name is bound into each value as AES-GCM
/// associated data, so a ciphertext copied into another column (a phone number into a name) fails to open.
/// </summary>
internal sealed class EncryptedColumn
{
    public EncryptedColumn(string table, string column)
    {
        Table = table;
        Column = column;
        Label = Encoding.UTF8.GetBytes(table + "." + column);
    }

    public string Table { get; }

    public string Column { get; }

    /// <summary>The associated data that ties a value to this column.</summary>
    public byte[] Label { get; }

    public override string ToString() => Table + "." + Column;
}
