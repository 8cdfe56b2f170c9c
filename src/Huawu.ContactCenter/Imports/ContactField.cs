namespace Huawu.ContactCenter.Imports;

/// <summary>Where a column of an import goes.</summary>
public enum ContactField
{
    Phone,
    Name,
    IdNumber,
    Notes,

    /// <summary>A custom field: kept (encrypted) in the contact's attributes under the column's name, for scripts.</summary>
    Attribute,

    /// <summary>Not imported.</summary>
    Ignore,
}
