using Huawu.Data.Protection;
using Huawu.Data.Storage;

namespace Huawu.Data.Accounts;

internal sealed class SecondFactorRepository(StoreContext context) : ISecondFactorRepository
{
    private Database Database => context.Database;

    public async Task<SecondFactor?> GetAsync(long userId, CancellationToken cancellation = default)
    {
        var row = await Database.ReadAsync(c => c.FirstOrDefault<Row>(
            "SELECT totp_secret_enc, totp_pending_enc, totp_enabled_at, totp_last_step FROM users WHERE id = @userId", new { userId }, null, cancellation),
            cancellation);
        return row is null
            ? null
            : new SecondFactor(Open(row.TotpSecretEnc, EncryptedColumns.TotpSecret), Open(row.TotpPendingEnc, EncryptedColumns.TotpPending),
                UnixTime.FromMs(row.TotpEnabledAt), row.TotpLastStep);
    }

    public Task<bool> SetPendingAsync(long userId, byte[] secret, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var pending = context.Cipher.Protect(Convert.ToBase64String(secret), EncryptedColumns.TotpPending);
        return Update("UPDATE users SET totp_pending_enc = @pending WHERE id = @userId", new { userId, pending }, cancellation);
    }

    public Task<bool> ActivatePendingAsync(long userId, long step, CancellationToken cancellation = default) =>
        Database.WriteAsync(async (c, t) =>
        {
            // Re-sealed for its new column: the column name is part of each value's associated data.
            var pending = await c.Scalar<byte[]?>("SELECT totp_pending_enc FROM users WHERE id = @userId", new { userId }, t, cancellation);
            if (pending is null) return false;
            var secret = context.Cipher.Protect(context.Cipher.Unprotect(pending, EncryptedColumns.TotpPending), EncryptedColumns.TotpSecret);
            return await c.Exec("""
                UPDATE users SET totp_secret_enc = @secret, totp_pending_enc = NULL, totp_enabled_at = @now, totp_last_step = @step
                WHERE id = @userId
                """, new { userId, secret, step, now = context.NowMs }, t, cancellation) > 0;
        }, cancellation);

    public Task<bool> TryUseStepAsync(long userId, long step, CancellationToken cancellation = default) =>
        Update("""
            UPDATE users SET totp_last_step = @step
            WHERE id = @userId AND totp_secret_enc IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < @step)
            """, new { userId, step }, cancellation);

    public Task<bool> DisableAsync(long userId, CancellationToken cancellation = default) =>
        Update("""
            UPDATE users SET totp_secret_enc = NULL, totp_pending_enc = NULL, totp_enabled_at = NULL, totp_last_step = NULL
            WHERE id = @userId
            """, new { userId }, cancellation);

    private byte[]? Open(byte[]? envelope, EncryptedColumn column) =>
        envelope is null ? null : Convert.FromBase64String(context.Cipher.Unprotect(envelope, column));

    private Task<bool> Update(string sql, object parameters, CancellationToken cancellation) =>
        Database.WriteAsync(async (c, t) => await c.Exec(sql, parameters, t, cancellation) > 0, cancellation);

    private sealed class Row
    {
        public byte[]? TotpSecretEnc { get; set; }

        public byte[]? TotpPendingEnc { get; set; }

        public long? TotpEnabledAt { get; set; }

        public long? TotpLastStep { get; set; }
    }
}
