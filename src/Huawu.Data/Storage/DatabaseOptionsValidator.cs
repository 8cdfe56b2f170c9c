using System.Data.Common;

namespace Huawu.Data.Storage;

/// <summary>Checks the <c>database:</c> section; each problem is a message naming its key.</summary>
public static class DatabaseOptionsValidator
{
    public static IEnumerable<string> Validate(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Provider)) yield return $"database.provider: '{options.Provider}' is not sqlite or postgres";
        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            yield return "database.connection_string: required for provider postgres";
        if (options.ConnectionString is { } connectionString && !IsWellFormed(connectionString))
            yield return "database.connection_string: not a key=value;… connection string";
        if (options.DefaultCountryCode is not { Length: >= 1 and <= 3 } code || code[0] == '0' || !code.All(char.IsAsciiDigit))
            yield return $"database.default_country_code: '{options.DefaultCountryCode}' is not a country calling code (1-3 digits)";
    }

    private static bool IsWellFormed(string connectionString)
    {
        try
        {
            _ = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
