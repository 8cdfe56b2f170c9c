namespace Huawu.Data.Storage;

/// <summary>Advisory lock keys (PostgreSQL) for the writers that must never run side by side, even on two nodes.</summary>
internal enum WriterLock : long
{
    Migrations = 0x4875_6177_0001, // "Huaw" + 1
    AuditChain = 0x4875_6177_0002,
}
