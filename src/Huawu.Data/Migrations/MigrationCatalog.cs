using System.Globalization;
using Huawu.Data.Storage;

namespace Huawu.Data.Migrations;

/// <summary>
/// The migrations compiled into this assembly, per provider: resources named
/// <c>Huawu.Data.Migrations.&lt;Provider&gt;/NNNN_name.sql</c> (see the project file), in version order.
/// </summary>
internal static class MigrationCatalog
{
    private const string Prefix = "Huawu.Data.Migrations.";

    public static IReadOnlyList<Migration> For(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var assembly = typeof(MigrationCatalog).Assembly;
        var folder = Prefix + dialect.MigrationFolder + "/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(folder, StringComparison.Ordinal)))
        {
            var fileName = resource[folder.Length..^".sql".Length];
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            // Versions are 1, 2, 3…: a gap means a script was lost, and applying the rest would build the wrong schema.
            if (migrations[i].Version != i + 1) throw new InvalidOperationException($"{folder}: migration {i + 1} is missing");
        }
        return migrations;
    }
}
