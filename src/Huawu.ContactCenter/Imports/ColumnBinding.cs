namespace Huawu.ContactCenter.Imports;

/// <summary>One column of the file and where its values go (<see cref="AttributeName"/> for a custom field).</summary>
public sealed record ColumnBinding(int Column, string Header, ContactField Field, string? AttributeName = null);
