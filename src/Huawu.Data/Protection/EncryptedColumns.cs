namespace Huawu.Data.Protection;

/// <summary>
/// Every encrypted column in the schema, in one list: key rotation re-encrypts exactly these, and a key may
/// be retired only when none of them (nor any recording) still uses it. A migration that adds an encrypted
/// column adds it here.
/// </summary>
internal static class EncryptedColumns
{
    public static readonly EncryptedColumn ContactPhone = new("contacts", "phone_enc");
    public static readonly EncryptedColumn ContactName = new("contacts", "name_enc");
    public static readonly EncryptedColumn ContactIdNumber = new("contacts", "id_number_enc");
    public static readonly EncryptedColumn ContactNotes = new("contacts", "notes_enc");
    public static readonly EncryptedColumn ContactAttributes = new("contacts", "attributes_enc");
    public static readonly EncryptedColumn CallCustomerPhone = new("calls", "customer_phone_enc");
    public static readonly EncryptedColumn LegParty = new("call_legs", "party_enc");
    public static readonly EncryptedColumn CallVariableValue = new("call_variables", "value_enc");
    public static readonly EncryptedColumn TranscriptText = new("transcript_segments", "text_enc");
    public static readonly EncryptedColumn TotpSecret = new("users", "totp_secret_enc");
    public static readonly EncryptedColumn TotpPending = new("users", "totp_pending_enc");

    public static IReadOnlyList<EncryptedColumn> All { get; } =
    [
        ContactPhone, ContactName, ContactIdNumber, ContactNotes, ContactAttributes,
        CallCustomerPhone, LegParty, CallVariableValue, TranscriptText, TotpSecret, TotpPending,
    ];
}
