using Huawu.Sip.Parsing;
using Huawu.Sip.Validation;
using Huawu.Testing;

namespace Huawu.Sip.Tests.Rfc4475;

/// <summary>Every RFC 4475 message gets the handling its section asks for.</summary>
public sealed class Rfc4475OutcomeTests
{
    private static readonly RequestValidator Validator = new(new LocalCapabilities
    {
        Methods = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "MESSAGE"],
        ContentTypes = ["application/sdp", "multipart/mixed", "text/plain"],
    });

    [Fact]
    public void The_table_covers_every_message_of_the_RFC_exactly_once()
    {
        var files = Directory.GetFiles(SharedData.PathOf("testdata/sip/rfc4475"), "*.dat")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);
        Assert.Equal(49, Rfc4475Expectations.All.Length);
        Assert.Equal(files, Rfc4475Expectations.All.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(49, Rfc4475Expectations.All.Select(c => c.Section).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Rfc4475Expectations.Sections), MemberType = typeof(Rfc4475Expectations))]
    public void Message_gets_the_answer_its_section_asks_for(string section)
    {
        var expected = Rfc4475Expectations.BySection(section);
        var parsed = SipParser.TryParse(Rfc4475Messages.Load(expected.Name), out var message, out var error);

        switch (expected.Outcome)
        {
            case Rfc4475Outcome.Accepted:
                Assert.True(parsed, error.Reason);
                Assert.True(message!.IsRequest);
                Assert.True(Validator.Validate(message).IsAccepted, Validator.Validate(message).ToString());
                break;
            case Rfc4475Outcome.ResponseParsed:
                Assert.True(parsed, error.Reason);
                Assert.True(message!.IsResponse);
                Assert.True(message.TryValidateHeaders(out var reason), reason);
                break;
            case Rfc4475Outcome.ParserAnswers400:
                Assert.False(parsed);
                Assert.Equal(expected.Reason, error.Reason);
                Assert.True(error.CanRespond, "a 400 can be built from the located headers");
                break;
            case Rfc4475Outcome.ParserDrops:
                Assert.False(parsed);
                Assert.Equal(expected.Reason, error.Reason);
                Assert.False(error.LooksLikeRequest);
                Assert.False(error.CanRespond);
                break;
            case Rfc4475Outcome.ValidatorAnswers:
                Assert.True(parsed, error.Reason);
                var verdict = Validator.Validate(message!);
                Assert.Equal(expected.Status, verdict.StatusCode);
                if (expected.Reason is not null) Assert.Equal(expected.Reason, verdict.ReasonPhrase);
                break;
        }
    }
}
