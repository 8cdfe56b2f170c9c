namespace Huawu.Sip.Headers;

/// <summary>Which shapes a header accepts for its address values.</summary>
internal enum NameAddressForm
{
    /// <summary>name-addr or addr-spec (From, To, Reply-To, Refer-To…).</summary>
    Either,

    /// <summary>name-addr or addr-spec, or the "*" of a REGISTER that removes all bindings (Contact).</summary>
    EitherOrWildcard,

    /// <summary>name-addr only: the URI must be in angle brackets (Route, Record-Route, Path…).</summary>
    NameAddrOnly,
}
