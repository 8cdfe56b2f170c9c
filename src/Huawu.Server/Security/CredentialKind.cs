namespace Huawu.Server.Security;

/// <summary>How a request proved who it is.</summary>
internal enum CredentialKind
{
    /// <summary>The console's session cookie: ambient, so state-changing requests must also carry the CSRF token.</summary>
    Session,
    /// <summary>An API token in <c>Authorization: Bearer</c> (RFC 6750): never sent by a browser on its own.</summary>
    ApiToken,
}
