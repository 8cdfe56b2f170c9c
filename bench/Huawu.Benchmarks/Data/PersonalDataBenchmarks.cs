using BenchmarkDotNet.Attributes;
using Huawu.Data.Keys;
using Huawu.Data.Protection;

namespace Huawu.Benchmarks.Data;

/// <summary>The per-value cost every write and lookup of personal data pays: normalize, blind-index, encrypt, decrypt.</summary>
[MemoryDiagnoser]
public class PersonalDataBenchmarks
{
    private readonly PhoneNumberNormalizer _normalizer = new();
    private readonly PersonalDataCipher _cipher;
    private readonly BlindIndex _index;
    private readonly byte[] _envelope;

    public PersonalDataBenchmarks()
    {
        var keys = KeyRing.Generate(TimeProvider.System);
        _cipher = new PersonalDataCipher(keys);
        _index = new BlindIndex(keys);
        _envelope = _cipher.Protect("+8613812345678", EncryptedColumns.ContactPhone);
    }

    [Benchmark]
    public string? Normalize() => _normalizer.TryNormalize("+86 138-1234-5678", out var e164) ? e164 : null;

    [Benchmark]
    public byte[] BlindIndexPhone() => _index.Phone("+8613812345678");

    [Benchmark]
    public byte[] Encrypt() => _cipher.Protect("+8613812345678", EncryptedColumns.ContactPhone);

    [Benchmark]
    public string Decrypt() => _cipher.Unprotect(_envelope, EncryptedColumns.ContactPhone);
}
