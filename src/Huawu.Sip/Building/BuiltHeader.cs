using Huawu.Sip.Headers;

namespace Huawu.Sip.Building;

/// <summary>One header line of a message being built; <see cref="Name"/> is set only for unknown headers.</summary>
internal readonly record struct BuiltHeader(HeaderId Id, string? Name, HeaderText Value);
