using Huawu.Data.Protection;

namespace Huawu.Server.Security;

/// <summary>
/// How one caller sees personal data: whole for the kinds their roles may see, masked otherwise (138****5678).
/// Every API response, export and log line that carries personal data goes through one of these.
/// </summary>
internal sealed class PersonalDataView(IReadOnlySet<DataClass> unmasked)
{
    /// <summary>Sees nothing whole: for logs and anything not addressed to a person.</summary>
    public static PersonalDataView Masked { get; } = new(new HashSet<DataClass>());

    public bool SeesWhole(DataClass dataClass) => unmasked.Contains(dataClass);

    public string? Show(DataClass dataClass, string? value) =>
        value is null ? null : SeesWhole(dataClass) ? value : Masking.Mask(dataClass, value);

    public IReadOnlyDictionary<string, string> Show(DataClass dataClass, IReadOnlyDictionary<string, string> values) =>
        SeesWhole(dataClass) ? values : values.ToDictionary(pair => pair.Key, pair => Masking.Mask(dataClass, pair.Value));
}
