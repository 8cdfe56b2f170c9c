namespace Huawu.Sip.Framing;

public enum SipFrameKind
{
    /// <summary>The buffer holds no complete frame yet; read more bytes from the stream.</summary>
    NeedMoreData,

    /// <summary>A complete message: headers and exactly Content-Length body octets.</summary>
    Message,

    /// <summary>
    /// A CRLF between messages: a keep-alive pong on a client connection (RFC 5626 §3.5.1), or the first half
    /// of a ping. RFC 3261 §7.5 says to ignore it.
    /// </summary>
    KeepAliveCrlf,

    /// <summary>A CRLF that completes a "\r\n\r\n" ping (RFC 5626 §3.5.1); the server transport answers "\r\n".</summary>
    KeepAlivePing,

    /// <summary>The stream cannot be framed (oversized, no Content-Length…); the connection must be closed.</summary>
    Error,
}
