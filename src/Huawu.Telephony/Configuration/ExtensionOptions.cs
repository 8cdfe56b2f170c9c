namespace Huawu.Telephony.Configuration;

/// <summary>A user who may register a SIP phone with the built-in registrar.</summary>
public sealed class ExtensionOptions
{
    public string Number { get; set; } = "";

    public string Password { get; set; } = "";

    public string? DisplayName { get; set; }
}
