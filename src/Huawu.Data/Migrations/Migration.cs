using System.Security.Cryptography;
using System.Text;

namespace Huawu.Data.Migrations;

/// <summary>One versioned SQL script. Its checksum is recorded when applied, so an edited script is noticed.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
