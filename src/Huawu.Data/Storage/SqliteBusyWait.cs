using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Huawu.Data.Storage;

/// <summary>
/// Makes a connection wait for another writer's lock in milliseconds. The SQLite bundled with SQLitePCLRaw 2.0.6 is
/// built without HAVE_USLEEP, so the busy handler that <c>PRAGMA busy_timeout</c> installs sleeps in whole seconds
/// (<c>sqlite3_sleep(1)</c> takes 1000 ms there): every lock conflict between two writers cost at least a second of a
/// blocked thread — measured as hundreds of one-second stalls of a campaign's dialer. SQLitePCLRaw 2.0.6 does not
/// expose <c>sqlite3_busy_handler</c>, so it is bound here against the same native library.
/// </summary>
internal static unsafe partial class SqliteBusyWait
{
    /// <summary>How long a writer waits for the lock before SQLite answers SQLITE_BUSY.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);

    // A conflict usually clears within one short transaction: poll every millisecond at first, then every 5 ms.
    private const int ShortWaits = 50;
    private const int LongWaitMilliseconds = 5;

    public static void Install(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var result = sqlite3_busy_handler(handle.DangerousGetHandle(), &OnBusy, IntPtr.Zero);
        if (result != 0) throw new InvalidOperationException($"sqlite3_busy_handler failed with SQLite result {result}.");
    }

    /// <summary>SQLite's busy callback: non-zero to try again, zero to give up (SQLITE_BUSY). Milliseconds waited so far follow from the count.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBusy(IntPtr state, int count)
    {
        var waited = count < ShortWaits ? count : ShortWaits + ((count - ShortWaits) * LongWaitMilliseconds);
        if (waited >= Budget.TotalMilliseconds) return 0;
        Thread.Sleep(count < ShortWaits ? 1 : LongWaitMilliseconds);
        return 1;
    }

    [LibraryImport("e_sqlite3")]
    private static partial int sqlite3_busy_handler(IntPtr database, delegate* unmanaged[Cdecl]<IntPtr, int, int> handler, IntPtr state);
}
