namespace Huawu.Sip.Tests.Rfc4475;

public enum Rfc4475Outcome
{
    /// <summary>Parses, and the request validator lets the application have it.</summary>
    Accepted,

    /// <summary>A response that parses (upper layers decide what to do with it).</summary>
    ResponseParsed,

    /// <summary>The parser rejects a request and a 400 with <see cref="Rfc4475Case.Reason"/> can be sent.</summary>
    ParserAnswers400,

    /// <summary>The parser rejects a response: it is dropped silently.</summary>
    ParserDrops,

    /// <summary>Parses; the request validator answers <see cref="Rfc4475Case.Status"/>.</summary>
    ValidatorAnswers,
}

public sealed record Rfc4475Case(string Section, string Name, Rfc4475Outcome Outcome, int Status = 0, string? Reason = null);

/// <summary>
/// What RFC 4475 expects of each of its 49 messages, by section, for a UAS supporting INVITE, ACK, BYE,
/// CANCEL, OPTIONS, REGISTER and MESSAGE with bodies of application/sdp, multipart/mixed and text/plain.
/// </summary>
internal static class Rfc4475Expectations
{
    public static readonly Rfc4475Case[] All =
    [
        // 3.1.1 Valid messages: all must parse.
        new("3.1.1.1", "wsinv", Rfc4475Outcome.Accepted),
        new("3.1.1.2", "intmeth", Rfc4475Outcome.ValidatorAnswers, 501),
        new("3.1.1.3", "esc01", Rfc4475Outcome.Accepted),
        new("3.1.1.4", "escnull", Rfc4475Outcome.Accepted),
        new("3.1.1.5", "esc02", Rfc4475Outcome.ValidatorAnswers, 501),
        new("3.1.1.6", "lwsdisp", Rfc4475Outcome.Accepted),
        new("3.1.1.7", "longreq", Rfc4475Outcome.Accepted),
        new("3.1.1.8", "dblreq", Rfc4475Outcome.Accepted),
        new("3.1.1.9", "semiuri", Rfc4475Outcome.Accepted),
        new("3.1.1.10", "transports", Rfc4475Outcome.Accepted),
        new("3.1.1.11", "mpart01", Rfc4475Outcome.Accepted),
        new("3.1.1.12", "unreason", Rfc4475Outcome.ResponseParsed),
        new("3.1.1.13", "noreason", Rfc4475Outcome.ResponseParsed),

        // 3.1.2 Invalid messages: requests answered 400 (505 for the version), responses dropped.
        new("3.1.2.1", "badinv01", Rfc4475Outcome.ParserAnswers400, 400, "Malformed Via"),
        new("3.1.2.2", "clerr", Rfc4475Outcome.ParserAnswers400, 400, "Message body shorter than Content-Length"),
        new("3.1.2.3", "ncl", Rfc4475Outcome.ParserAnswers400, 400, "Bad Content-Length"),
        new("3.1.2.4", "scalar02", Rfc4475Outcome.ParserAnswers400, 400, "Bad CSeq"),
        new("3.1.2.5", "scalarlg", Rfc4475Outcome.ParserDrops, 0, "Bad CSeq"),
        new("3.1.2.6", "quotbal", Rfc4475Outcome.ParserAnswers400, 400, "Malformed To"),
        new("3.1.2.7", "ltgtruri", Rfc4475Outcome.ParserAnswers400, 400, "Bad Request-URI"),
        new("3.1.2.8", "lwsruri", Rfc4475Outcome.ParserAnswers400, 400, "Malformed Request-Line"),
        new("3.1.2.9", "lwsstart", Rfc4475Outcome.ParserAnswers400, 400, "Malformed Request-Line"),
        new("3.1.2.10", "trws", Rfc4475Outcome.ParserAnswers400, 400, "Malformed Request-Line"),
        new("3.1.2.11", "escruri", Rfc4475Outcome.ParserAnswers400, 400, "Bad Request-URI"),
        new("3.1.2.12", "baddate", Rfc4475Outcome.ValidatorAnswers, 400, "Malformed Date"),
        new("3.1.2.13", "regbadct", Rfc4475Outcome.ValidatorAnswers, 400, "Malformed Contact"),
        new("3.1.2.14", "badaspec", Rfc4475Outcome.ParserAnswers400, 400, "Malformed To"),
        new("3.1.2.15", "baddn", Rfc4475Outcome.ParserAnswers400, 400, "Malformed From"),
        new("3.1.2.16", "badvers", Rfc4475Outcome.ValidatorAnswers, 505),
        new("3.1.2.17", "mismatch01", Rfc4475Outcome.ParserAnswers400, 400, "CSeq method does not match the request method"),
        new("3.1.2.18", "mismatch02", Rfc4475Outcome.ParserAnswers400, 400, "CSeq method does not match the request method"),
        new("3.1.2.19", "bigcode", Rfc4475Outcome.ParserDrops, 0, "Bad status code"),

        // 3.2 Transaction layer: a bare magic cookie falls back to RFC 2543 matching.
        new("3.2.1", "badbranch", Rfc4475Outcome.Accepted),

        // 3.3 Application layer semantics.
        new("3.3.1", "insuf", Rfc4475Outcome.ParserAnswers400, 400, "Missing From"),
        new("3.3.2", "unkscm", Rfc4475Outcome.ValidatorAnswers, 416),
        new("3.3.3", "novelsc", Rfc4475Outcome.ValidatorAnswers, 416),
        new("3.3.4", "unksm2", Rfc4475Outcome.ValidatorAnswers, 400, "To is not a SIP or SIPS URI"),
        new("3.3.5", "bext01", Rfc4475Outcome.ValidatorAnswers, 420),
        new("3.3.6", "invut", Rfc4475Outcome.ValidatorAnswers, 415),
        new("3.3.7", "regaut01", Rfc4475Outcome.Accepted),
        new("3.3.8", "multi01", Rfc4475Outcome.ParserAnswers400, 400, "Multiple From headers"),
        new("3.3.9", "mcl01", Rfc4475Outcome.ParserAnswers400, 400, "Multiple Content-Length headers"),
        new("3.3.10", "bcast", Rfc4475Outcome.ResponseParsed),
        new("3.3.11", "zeromf", Rfc4475Outcome.Accepted),
        new("3.3.12", "cparam01", Rfc4475Outcome.Accepted),
        new("3.3.13", "cparam02", Rfc4475Outcome.Accepted),
        new("3.3.14", "regescrt", Rfc4475Outcome.Accepted),
        new("3.3.15", "sdp01", Rfc4475Outcome.ValidatorAnswers, 406),

        // 3.4 Backward compatibility.
        new("3.4.1", "inv2543", Rfc4475Outcome.Accepted),
    ];

    public static TheoryData<string> Sections() => [.. All.Select(c => c.Section)];

    public static Rfc4475Case BySection(string section) => All.Single(c => c.Section == section);
}
