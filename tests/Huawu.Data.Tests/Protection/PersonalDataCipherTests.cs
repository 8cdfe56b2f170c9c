using FsCheck;
using FsCheck.Fluent;
using Huawu.Data.Keys;
using Huawu.Data.Protection;
using Huawu.Testing;

namespace Huawu.Data.Tests.Protection;

public sealed class PersonalDataCipherTests
{
    private static readonly ManualTimeProvider Time = new();
    private readonly KeyRing _ring = KeyRing.Generate(Time);

    [Theory]
    [InlineData("")]
    [InlineData("+8613812345678")]
    [InlineData("欧阳建国")]
    [InlineData("客户说：下周三下午再打过来。😀")]
    public void Values_round_trip_and_name_the_active_key(string value)
    {
        var cipher = new PersonalDataCipher(_ring);
        var envelope = cipher.Protect(value, EncryptedColumns.ContactNotes);
        Assert.True(Envelope.TryReadKeyId(envelope, out var keyId));
        Assert.Equal(_ring.ActiveKeyId, keyId);
        Assert.Equal(value, cipher.Unprotect(envelope, EncryptedColumns.ContactNotes));
    }

    [Fact]
    public void Any_string_round_trips() =>
        Prop.ForAll<NonNull<string>>(s =>
        {
            var cipher = new PersonalDataCipher(_ring);
            return cipher.Unprotect(cipher.Protect(s.Get, EncryptedColumns.TranscriptText), EncryptedColumns.TranscriptText) == s.Get;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_same_value_encrypts_differently_each_time()
    {
        var cipher = new PersonalDataCipher(_ring);
        Assert.NotEqual(cipher.Protect("13812345678", EncryptedColumns.ContactPhone), cipher.Protect("13812345678", EncryptedColumns.ContactPhone));
    }

    [Fact]
    public void Changing_any_single_byte_makes_the_value_fail_authentication()
    {
        // NIST SP 800-38D §7.2: any change to ciphertext, tag, nonce or associated data fails the tag check.
        var cipher = new PersonalDataCipher(_ring);
        var envelope = cipher.Protect("13812345678", EncryptedColumns.ContactPhone);
        for (var i = 0; i < envelope.Length; i++)
        {
            var tampered = (byte[])envelope.Clone();
            tampered[i] ^= 0x01;
            Assert.False(cipher.TryUnprotect(tampered, EncryptedColumns.ContactPhone, out _, out _), $"byte {i} changed unnoticed");
        }
        Assert.False(cipher.TryUnprotect(envelope[..^1], EncryptedColumns.ContactPhone, out _, out _));
    }

    [Fact]
    public void A_value_moved_to_another_column_does_not_open()
    {
        var cipher = new PersonalDataCipher(_ring);
        var phone = cipher.Protect("13812345678", EncryptedColumns.ContactPhone);
        Assert.False(cipher.TryUnprotect(phone, EncryptedColumns.ContactName, out _, out var error));
        Assert.Contains("another column", error, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => cipher.Unprotect(phone, EncryptedColumns.CallCustomerPhone));
    }

    [Fact]
    public void After_a_rotation_old_values_still_open_and_new_ones_use_the_new_key()
    {
        var old = new PersonalDataCipher(_ring);
        var envelope = old.Protect("张伟", EncryptedColumns.ContactName);
        var rotated = new PersonalDataCipher(_ring.WithNewActiveKey(Time));
        Assert.Equal("张伟", rotated.Unprotect(envelope, EncryptedColumns.ContactName));

        var moved = rotated.Protect("张伟", EncryptedColumns.ContactName);
        Assert.True(Envelope.TryReadKeyId(moved, out var keyId));
        Assert.Equal(2u, keyId);
        var retired = new PersonalDataCipher(rotated.Keys.Without(1));
        Assert.Equal("张伟", retired.Unprotect(moved, EncryptedColumns.ContactName));
        Assert.False(retired.TryUnprotect(envelope, EncryptedColumns.ContactName, out _, out var error));
        Assert.Contains("key 1", error, StringComparison.Ordinal);
    }
}
