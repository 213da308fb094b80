using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store.Migrations;
using Npgsql;

namespace FhirGateway.Runtime.Store.PostgreSql;

/// <summary>
/// The PostgreSQL store, for one gateway or several on one database: each state change is one READ COMMITTED
/// transaction (synchronous commit: durable when it returns); claims lock the rows they take with
/// <c>FOR UPDATE SKIP LOCKED</c> and re-check them under the lock; every ledger append takes one transaction-scoped
/// advisory lock first and reads the chain's head under it, so all instances extend one chain in commit order.
/// </summary>
public sealed partial class PostgreSqlGatewayStore : Sql.SqlGatewayStore, IGatewayStore, IStoredResourceReader, IAsyncDisposable, IDisposable
{
    /// <summary>The advisory lock that serialises ledger appends (and intake, so that record numbers follow commit order).</summary>
    internal const long LedgerLock = 0x4647_5700_0001;
    /// <summary>The advisory lock that serialises schema migrations of several starting instances.</summary>
    internal const long MigrationLock = 0x4647_5700_0002;
    private const int WriteAttempts = 5;

    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _time;
    private readonly LedgerKeyRing _keys;

    /// <param name="keys">The ledger key entries are signed with; none (the default) writes an unkeyed chain, and refuses to extend a keyed one.</param>
    public PostgreSqlGatewayStore(string connectionString, TimeProvider time, LedgerKeyRing? keys = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _keys = keys ?? LedgerKeyRing.None;
        _source = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Why a connection string cannot be used (an unknown keyword, no host or no database), or null; never echoes a password.</summary>
    public static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host)) return "names no Host";
            if (string.IsNullOrWhiteSpace(builder.Database)) return "names no Database";
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            return "is not an Npgsql connection string (Host=…;Port=…;Database=…;Username=…;Password=…): " + e.Message.Split('\n')[0];
        }
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var c = await _source.OpenConnectionAsync(cancellationToken);
        await SchemaMigrations.ApplyAsync(c, async ct =>
        {
            var tx = await c.BeginTransactionAsync(ct);
            await ExecuteAsync(c, tx, "SELECT pg_advisory_xact_lock(@lock)", ct, ("@lock", MigrationLock));
            return tx;
        }, PostgreSqlSchema.Migrations, NowMs, cancellationToken);
    }

    /// <summary>The schema version the database is at.</summary>
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var c = await _source.OpenConnectionAsync(cancellationToken);
        return await SchemaMigrations.CurrentAsync(c, cancellationToken);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var c = await _source.OpenConnectionAsync(cancellationToken);
            await using var cmd = Command(c, null, "SELECT to_regclass('ledger') IS NOT NULL");
            return await cmd.ExecuteScalarAsync(cancellationToken) is true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    public void Dispose() => _source.Dispose();

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private protected override long Now => NowMs;

    private protected override Task<T> WriteDbAsync<T>(Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync<T>((c, tx) => work(c, tx), cancellationToken);

    private protected override async Task<System.Data.Common.DbConnection> OpenReadAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    private ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _source.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it; the change is durable when this returns. A
    /// transaction the server aborted as a deadlock or serialisation failure changed nothing and runs again.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var c = await OpenAsync(cancellationToken);
            await using var tx = await c.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(c, tx);
                await tx.CommitAsync(cancellationToken);
                return result;
            }
            catch (PostgresException e) when (attempt < WriteAttempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                await tx.RollbackAsync(cancellationToken);
            }
        }
    }

    private Task WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async (c, tx) =>
        {
            await work(c, tx);
            return true;
        }, cancellationToken);

    internal static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    internal static async Task<int> ExecuteAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(c, tx, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task LockLedgerAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken cancellationToken) =>
        ExecuteAsync(c, tx, "SELECT pg_advisory_xact_lock(@lock)", cancellationToken, ("@lock", LedgerLock));

    /// <summary>
    /// Appends drafts to the chain inside the caller's transaction: under the ledger lock (held to commit), the head read
    /// here is the last committed one, so no two instances extend the same entry. Called last in a transaction, so the
    /// lock is held only for the appends and the commit.
    /// </summary>
    private async Task AppendLedgerAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<LedgerDraft> drafts, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0) return;
        await LockLedgerAsync(c, tx, cancellationToken);
        long seq = 0;
        var previous = LedgerChain.Genesis;
        await using (var last = Command(c, tx, "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1"))
        await using (var r = await last.ExecuteReaderAsync(cancellationToken))
            if (await r.ReadAsync(cancellationToken))
            {
                seq = r.GetInt64(0);
                previous = r.GetString(1);
            }
        if (_keys.Current is null && LedgerChain.KeyIdOf(previous) is { } keyId)
            throw new InvalidOperationException($"The ledger is keyed (key {keyId}); give its key (Ledger:Key or Ledger:KeyFile) to write to it.");
        var at = LedgerTime.Format(_time.GetUtcNow());
        var batch = new NpgsqlBatch(c, tx);
        await using (batch)
        {
            foreach (var draft in drafts)
            {
                seq++;
                var hash = LedgerChain.ComputeHash(seq, at, draft, previous, _keys.Current);
                var cmd = new NpgsqlBatchCommand("""
                    INSERT INTO ledger(seq, at, step, record_key, patient_id, partner_id, status, payload_hash, resources, detail, prev_hash, hash)
                    VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                    """);
                foreach (var value in new object?[] { seq, at, draft.Step, draft.RecordKey, draft.PatientId, draft.PartnerId, draft.Status, draft.PayloadHash,
                             string.Join('\n', draft.Resources), draft.Detail, previous, hash })
                    cmd.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = value is long ? NpgsqlTypes.NpgsqlDbType.Bigint : NpgsqlTypes.NpgsqlDbType.Text });
                batch.BatchCommands.Add(cmd);
                previous = hash;
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
