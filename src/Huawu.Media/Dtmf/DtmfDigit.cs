namespace Huawu.Media.Dtmf;

/// <summary>A DTMF key received as an RFC 4733 event, identified by the RTP timestamp at which the event began.</summary>
public readonly record struct DtmfDigit(char Key, uint EventTimestamp);
