using Huawu.Data.Keys;
using Huawu.Data.Protection;
using Huawu.Testing;

namespace Huawu.Data.Tests.Protection;

public sealed class BlindIndexTests
{
    private static readonly ManualTimeProvider Time = new();

    [Fact]
    public void The_index_is_stable_for_a_key_and_differs_between_keys_and_numbers()
    {
        var ring = KeyRing.Generate(Time);
        var index = new BlindIndex(ring);
        Assert.Equal(index.Phone("+8613812345678"), index.Phone("+8613812345678"));
        Assert.Equal(BlindIndex.Length, index.Phone("+8613812345678").Length);
        Assert.NotEqual(index.Phone("+8613812345678"), index.Phone("+8613812345679"));
        Assert.NotEqual(index.Phone("+8613812345678"), new BlindIndex(KeyRing.Generate(Time)).Phone("+8613812345678"));
    }

    [Fact]
    public void Rotating_data_keys_keeps_the_index()
    {
        var ring = KeyRing.Generate(Time);
        Assert.Equal(new BlindIndex(ring).Phone("+8613812345678"), new BlindIndex(ring.WithNewActiveKey(Time)).Phone("+8613812345678"));
    }

    [Fact]
    public void Data_classes_hash_apart_and_id_numbers_ignore_case_and_separators()
    {
        var index = new BlindIndex(KeyRing.Generate(Time));
        Assert.NotEqual(index.Phone("110101199003071234"), index.IdNumber("110101199003071234"));
        Assert.Equal(index.IdNumber("11010119900307123x"), index.IdNumber("110101 19900307 123X"));
    }
}
