using Huawu.Data.Protection;

namespace Huawu.Data.Storage;

/// <summary>What every repository works with: the database, the value cipher and blind index, and the clock.</summary>
internal sealed class StoreContext(Database database, PersonalDataCipher cipher, BlindIndex index,
    PhoneNumberNormalizer phoneNumbers, TimeProvider time)
{
    public Database Database { get; } = database;

    public PersonalDataCipher Cipher { get; } = cipher;

    public BlindIndex Index { get; } = index;

    public PhoneNumberNormalizer PhoneNumbers { get; } = phoneNumbers;

    public TimeProvider Time { get; } = time;

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The blind index of a phone number in any common spelling, or null when it is not a phone number.</summary>
    public byte[]? PhoneIndexOf(string? phone) =>
        PhoneNumbers.TryNormalize(phone, out var e164) ? Index.Phone(e164) : null;
}
