namespace Huawu.Server.Api.Paging;

/// <summary>One page of a list. <see cref="Next"/> is the cursor for the following page; null on the last one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
