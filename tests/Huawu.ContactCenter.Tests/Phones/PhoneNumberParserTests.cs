using Huawu.ContactCenter.Phones;

namespace Huawu.ContactCenter.Tests.Phones;

public sealed class PhoneNumberParserTests
{
    [Theory]
    // China (MIIT numbering plan): mobiles with and without country code, landlines with area codes, 400 numbers, full-width digits.
    [InlineData("13812345678", "CN", "+8613812345678")]
    [InlineData("138-1234-5678", "CN", "+8613812345678")]
    [InlineData("138 1234 5678", "CN", "+8613812345678")]
    [InlineData("+86 138 1234 5678", "CN", "+8613812345678")]
    [InlineData("008613812345678", "CN", "+8613812345678")]
    [InlineData("8613812345678", "CN", "+8613812345678")]
    [InlineData("１３８１２３４５６７８", "CN", "+8613812345678")]
    [InlineData("010-6552 9988", "CN", "+861065529988")]
    [InlineData("(010) 65529988", "CN", "+861065529988")]
    [InlineData("021-63211234", "CN", "+862163211234")]
    [InlineData("0755-8888 1234", "CN", "+8675588881234")]
    [InlineData("0371-1234567", "CN", "+863711234567")]
    [InlineData("+86 10 6552 9988", "CN", "+861065529988")]
    [InlineData("400-810-8888", "CN", "+864008108888")]
    // North America (NANP): ten digits, a leading 1, 011 to dial out.
    [InlineData("(212) 555-0182", "US", "+12125550182")]
    [InlineData("212.555.0182", "US", "+12125550182")]
    [InlineData("1-212-555-0182", "US", "+12125550182")]
    [InlineData("+1 (416) 555-0100", "CN", "+14165550100")]
    [InlineData("0014165550100", "CN", "+14165550100")]
    [InlineData("011 44 20 7946 0958", "US", "+442079460958")]
    [InlineData("011 86 138 1234 5678", "CA", "+8613812345678")]
    // E.123 §2.5: the "(0)" written after a country code is not dialled; national trunk prefixes are dropped, Italy's 0 is kept.
    [InlineData("+44 (0)20 7946 0958", "CN", "+442079460958")]
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    [InlineData("07700 900123", "GB", "+447700900123")]
    [InlineData("030 1234567", "DE", "+49301234567")]
    [InlineData("+33 1 23 45 67 89", "CN", "+33123456789")]
    [InlineData("01 23 45 67 89", "FR", "+33123456789")]
    [InlineData("06 1234 5678", "IT", "+390612345678")]
    [InlineData("+39 06 1234 5678", "US", "+390612345678")]
    [InlineData("612 345 678", "ES", "+34612345678")]
    [InlineData("9123 4567", "HK", "+85291234567")]
    [InlineData("06 30 123 4567", "HU", "+36301234567")]
    [InlineData("tel:+8613812345678", "US", "+8613812345678")]
    public void Common_spellings_become_E164(string text, string region, string e164)
    {
        Assert.True(PhoneRegions.TryFind(region, out var phoneRegion));
        Assert.Equal(new PhoneParse(e164, PhoneProblem.None), PhoneNumberParser.Parse(text, phoneRegion));
    }

    [Theory]
    [InlineData("", "CN", PhoneProblem.Missing)]
    [InlineData(" - ", "CN", PhoneProblem.Missing)]
    [InlineData("n/a", "CN", PhoneProblem.NotANumber)]
    [InlineData("1.3812345678E+10", "CN", PhoneProblem.NotANumber)]
    [InlineData("138 1234 5678 +1", "CN", PhoneProblem.NotANumber)]
    [InlineData("010-65529988 转 123", "CN", PhoneProblem.HasExtension)]
    [InlineData("(212) 555-0182 ext. 4", "US", PhoneProblem.HasExtension)]
    [InlineData("6552 9988", "CN", PhoneProblem.MissingAreaCode)]
    [InlineData("555-0182", "US", PhoneProblem.MissingAreaCode)]
    [InlineData("1381234567", "CN", PhoneProblem.WrongLength)]
    [InlineData("138123456789", "CN", PhoneProblem.WrongLength)]
    [InlineData("+86 11 1234 5678", "US", PhoneProblem.InvalidForCountry)]
    [InlineData("(112) 555-0182", "US", PhoneProblem.InvalidForCountry)]
    [InlineData("(911) 555-0182", "US", PhoneProblem.InvalidForCountry)]
    [InlineData("(212) 155-0182", "US", PhoneProblem.InvalidForCountry)]
    [InlineData("+28 1234 5678", "CN", PhoneProblem.UnknownCountryCode)]
    [InlineData("+44 40 1234 5678", "CN", PhoneProblem.InvalidForCountry)]
    [InlineData("+49 1234 5678 9012 3456", "CN", PhoneProblem.WrongLength)]
    public void Anything_not_clearly_one_dialable_number_is_refused_with_its_reason(string text, string region, PhoneProblem problem)
    {
        Assert.True(PhoneRegions.TryFind(region, out var phoneRegion));
        Assert.Equal(PhoneParse.Invalid(problem), PhoneNumberParser.Parse(text, phoneRegion));
    }

    [Fact]
    public void Every_known_region_has_an_IANA_zone_that_exists_or_none()
    {
        foreach (var region in PhoneRegions.All.Where(r => r.Zone is not null))
        {
            Assert.NotNull(NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(region.Zone!));
        }
    }
}
