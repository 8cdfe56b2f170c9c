using System.Collections.Frozen;
using System.Globalization;

namespace Huawu.ContactCenter.Imports;

/// <summary>
/// Decides where each column of an import goes: first the user's <c>column=field</c> entries (a column by header or 1-based
/// number; a field of phone, name, id_number, notes, ignore, or any other name for a custom field), then well-known headers in
/// English and Chinese (手机号, 姓名, 身份证号, 备注…); every other column becomes a custom field under its header.
/// </summary>
public sealed class ColumnMapping
{
    private static readonly FrozenDictionary<string, ContactField> KnownHeaders = new Dictionary<string, ContactField>(StringComparer.OrdinalIgnoreCase)
    {
        ["phone"] = ContactField.Phone, ["mobile"] = ContactField.Phone, ["tel"] = ContactField.Phone, ["telephone"] = ContactField.Phone,
        ["phone_number"] = ContactField.Phone, ["phone number"] = ContactField.Phone, ["number"] = ContactField.Phone,
        ["手机"] = ContactField.Phone, ["手机号"] = ContactField.Phone, ["手机号码"] = ContactField.Phone, ["电话"] = ContactField.Phone,
        ["电话号码"] = ContactField.Phone, ["号码"] = ContactField.Phone, ["联系电话"] = ContactField.Phone,
        ["name"] = ContactField.Name, ["full_name"] = ContactField.Name, ["full name"] = ContactField.Name, ["姓名"] = ContactField.Name,
        ["名字"] = ContactField.Name, ["客户姓名"] = ContactField.Name,
        ["id_number"] = ContactField.IdNumber, ["id number"] = ContactField.IdNumber, ["身份证"] = ContactField.IdNumber,
        ["身份证号"] = ContactField.IdNumber, ["身份证号码"] = ContactField.IdNumber, ["证件号"] = ContactField.IdNumber,
        ["证件号码"] = ContactField.IdNumber,
        ["notes"] = ContactField.Notes, ["note"] = ContactField.Notes, ["remark"] = ContactField.Notes, ["remarks"] = ContactField.Notes,
        ["备注"] = ContactField.Notes,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private ColumnMapping(IReadOnlyList<ColumnBinding> bindings)
    {
        Bindings = bindings;
        PhoneColumn = bindings.First(b => b.Field == ContactField.Phone).Column;
    }

    public IReadOnlyList<ColumnBinding> Bindings { get; }

    public int PhoneColumn { get; }

    /// <summary>The mapping of <paramref name="headers"/>, or the problems that stop the import before any row is read.</summary>
    public static ColumnMapping? Create(IReadOnlyList<string> headers, IReadOnlyList<string> entries, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(entries);
        var problems = new List<string>();
        var chosen = new Dictionary<int, ColumnBinding>();
        foreach (var entry in entries)
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || separator == entry.Length - 1)
            {
                problems.Add($"--map {entry}: expected COLUMN=FIELD");
                continue;
            }
            var (column, field) = (entry[..separator].Trim(), entry[(separator + 1)..].Trim());
            if (FindColumn(headers, column) is not { } index)
            {
                problems.Add($"--map {entry}: the file has no column '{column}' (columns: {string.Join(", ", headers)})");
                continue;
            }
            chosen[index] = Bind(index, headers[index], field);
        }
        var bindings = new List<ColumnBinding>();
        for (var i = 0; i < headers.Count; i++)
        {
            bindings.Add(chosen.TryGetValue(i, out var binding) ? binding
                : KnownHeaders.TryGetValue(headers[i].Trim(), out var known) && !chosen.Values.Any(b => b.Field == known) ? new ColumnBinding(i, headers[i], known)
                : string.IsNullOrWhiteSpace(headers[i]) ? new ColumnBinding(i, headers[i], ContactField.Ignore)
                : new ColumnBinding(i, headers[i], ContactField.Attribute, headers[i].Trim()));
        }
        foreach (var field in new[] { ContactField.Phone, ContactField.Name, ContactField.IdNumber, ContactField.Notes })
        {
            var columns = bindings.Where(b => b.Field == field).Select(b => b.Header).ToList();
            if (columns.Count > 1) problems.Add($"{FieldName(field)}: several columns go there ({string.Join(", ", columns)}); map one with --map");
        }
        if (!bindings.Any(b => b.Field == ContactField.Phone))
            problems.Add($"no phone column (columns: {string.Join(", ", headers)}); name it with --map COLUMN=phone");
        errors = problems;
        return problems.Count == 0 ? new ColumnMapping(bindings) : null;
    }

    public static string FieldName(ContactField field) => field switch
    {
        ContactField.Phone => "phone",
        ContactField.Name => "name",
        ContactField.IdNumber => "id_number",
        ContactField.Notes => "notes",
        ContactField.Ignore => "ignore",
        _ => "attribute",
    };

    private static ColumnBinding Bind(int index, string header, string field) => field.ToLowerInvariant() switch
    {
        "phone" => new ColumnBinding(index, header, ContactField.Phone),
        "name" => new ColumnBinding(index, header, ContactField.Name),
        "id_number" => new ColumnBinding(index, header, ContactField.IdNumber),
        "notes" => new ColumnBinding(index, header, ContactField.Notes),
        "ignore" => new ColumnBinding(index, header, ContactField.Ignore),
        _ => new ColumnBinding(index, header, ContactField.Attribute, field),
    };

    // A header (exactly, then ignoring case) or a 1-based column number.
    private static int? FindColumn(IReadOnlyList<string> headers, string column)
    {
        for (var i = 0; i < headers.Count; i++) if (headers[i].Trim() == column) return i;
        for (var i = 0; i < headers.Count; i++) if (string.Equals(headers[i].Trim(), column, StringComparison.OrdinalIgnoreCase)) return i;
        return int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= headers.Count
            ? number - 1
            : null;
    }
}
