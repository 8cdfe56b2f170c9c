using System.Globalization;
using System.Text;
using Huawu.Server.Api.Validation;

namespace Huawu.Server.Api.Paging;

/// <summary>
/// <c>?limit=&amp;cursor=</c> on every list. Both arrive as text so a bad value gets a field error rather than a bare
/// 400. Cursors are opaque to clients (base64url of the last key seen), so the key can change without breaking them.
/// </summary>
internal sealed record PageQuery(string? Limit, string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    private const string CursorPrefix = "k:";

    public bool TryParse(FieldErrors errors, out PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var limit = DefaultLimit;
        if (Limit is not null && (!int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            errors.Add("limit", $"a whole number from 1 to {MaxLimit}");
        long? after = null;
        if (Cursor is not null)
        {
            if (TryDecode(Cursor, out var key)) after = key;
            else errors.Add("cursor", "not a cursor this API gave out");
        }
        request = new PageRequest(limit, after);
        return !errors.Any;
    }

    public static string Encode(long key) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(CursorPrefix + key.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string cursor, out long key)
    {
        key = 0;
        if (cursor.Length is 0 or > 64) return false;
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        Span<byte> bytes = stackalloc byte[48];
        if (!Convert.TryFromBase64String(base64, bytes, out var written)) return false;
        var text = Encoding.ASCII.GetString(bytes[..written]);
        return text.StartsWith(CursorPrefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out key);
    }
}

/// <summary>A parsed page request: how many, and the key after (or, for newest-first lists, before) which to start.</summary>
internal readonly record struct PageRequest(int Limit, long? After)
{
    /// <summary>
    /// Pages a list already in memory (small ones: users, teams, tokens), ascending by <paramref name="key"/>.
    /// Lists that can grow without bound page in the database instead.
    /// </summary>
    public Page<T> Over<T>(IEnumerable<T> items, Func<T, long> key)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(key);
        var after = After;
        return Of(items.Where(item => after is null || key(item) > after).OrderBy(key).Take(Limit + 1).ToList(), key);
    }

    /// <summary>A page from up to <see cref="Limit"/> + 1 fetched rows: the extra one only says there is more.</summary>
    public Page<T> Of<T>(IReadOnlyList<T> fetched, Func<T, long> key)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        ArgumentNullException.ThrowIfNull(key);
        if (fetched.Count <= Limit) return new Page<T>(fetched, null);
        var items = fetched.Take(Limit).ToList();
        return new Page<T>(items, PageQuery.Encode(key(items[^1])));
    }
}
