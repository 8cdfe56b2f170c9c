using FsCheck;
using FsCheck.Fluent;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Tests.Building;

/// <summary>Property tests: random valid messages survive build → serialize → parse with every field intact.</summary>
public sealed class RoundTripProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void Requests_round_trip() =>
        Check.One(Config, Prop.ForAll(RequestSpecs.Generator.ToArbitrary(), spec =>
        {
            var message = SipText.Parse(spec.Build().ToArray());
            spec.AssertMatches(message);
        }));

    [Fact]
    public void Responses_built_from_parsed_requests_round_trip() =>
        Check.One(Config, Prop.ForAll(ResponseCases.ToArbitrary(), testCase =>
        {
            var (spec, status, reason, tag) = testCase;
            var request = SipText.Parse(spec.Build().ToArray());
            var response = SipText.Parse(SipMessageBuilder.CreateResponse(request, status, reason, tag).ToArray());

            Assert.Equal((status, reason), (response.StatusCode, response.ReasonPhrase));
            Assert.Equal(request.Vias.Select(v => v.ToString()), response.Vias.Select(v => v.ToString()));
            Assert.Equal(request.CallId, response.CallId);
            Assert.Equal((request.CSeq.Number, request.CSeq.Method), (response.CSeq.Number, response.CSeq.Method));
            Assert.Equal(request.From.ToString(), response.From.ToString());
            Assert.Equal(spec.ToTag ?? (status > 100 ? tag : null), response.To.Tag);
        }));

    [Fact]
    public void Canonical_serialization_is_a_fixed_point() =>
        Check.One(Config, Prop.ForAll(RequestSpecs.Generator.ToArbitrary(), spec =>
        {
            var first = spec.Build().ToArray();
            var again = SipMessageBuilder.CreateForward(SipText.Parse(first)).ToArray();
            Assert.Equal(first, again);
        }));

    private static Gen<(RequestSpec, int, string, string)> ResponseCases =>
        from spec in RequestSpecs.Generator
        from status in Gen.Choose(100, 699)
        from reason in RequestSpecs.Text(0, 30)
        from tag in RequestSpecs.Token(4, 12)
        select (spec, status, reason.Trim(), tag);
}
