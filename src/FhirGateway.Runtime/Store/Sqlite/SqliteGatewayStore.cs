using FhirGateway.Runtime.Ledger;
using Microsoft.Data.Sqlite;

namespace FhirGateway.Runtime.Store.Sqlite;

/// <summary>
/// The SQLite store: one database file in WAL mode, synchronous FULL (a committed change survives a crash, even of the
/// machine: every COMMIT syncs the WAL). Each state change runs in an IMMEDIATE transaction so that several processes
/// (the gateway, <c>fhirgw ingest</c>) can share the file; within one process the changes go through one writer that
/// commits the changes waiting together (<see cref="SqliteGroupCommit"/>), so the sync is paid once per group, not per
/// change, and no caller is answered before its change is durable. Reads use their own pooled connections (WAL lets
/// them run beside the writer).
/// </summary>
public sealed partial class SqliteGatewayStore : Sql.SqlGatewayStore, IGatewayStore, IStoredResourceReader
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly LedgerKeyRing _keys;
    private readonly SqliteGroupCommit _writer;

    /// <param name="keys">The ledger key entries are signed with; none (the default) writes an unkeyed chain, and refuses to extend a keyed one.</param>
    public SqliteGatewayStore(string databasePath, TimeProvider time, LedgerKeyRing? keys = null)
    {
        _keys = keys ?? LedgerKeyRing.None;
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _writer = new SqliteGroupCommit(OpenAsync);
    }

    /// <summary>The file name of the database inside a data folder.</summary>
    public const string FileName = "gateway.db";

    /// <summary>Where the database of a data folder is.</summary>
    public static string PathIn(string dataFolder) => Path.Combine(dataFolder, FileName);

    public string DatabasePath { get; }

    /// <summary>Transactions this store object committed and the write operations they carried (see <see cref="SqliteGroupCommit"/>).</summary>
    public (long Commits, long Writes) CommitCounts => _writer.Counts;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await using var c = await OpenAsync(cancellationToken);
        await ExecuteAsync(c, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await Migrations.SchemaMigrations.ApplyAsync(c, _ => Task.FromResult<System.Data.Common.DbTransaction>(c.BeginTransaction(deferred: false)),
            SqliteMigrations.All, NowMs, cancellationToken);
    }

    /// <summary>The schema version the database is at.</summary>
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await Migrations.SchemaMigrations.CurrentAsync(c, cancellationToken);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var c = await OpenAsync(cancellationToken);
            await using var cmd = Command(c, null, "SELECT count(*) FROM sqlite_master WHERE name = 'ledger'");
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private protected override long Now => NowMs;

    private protected override Task<T> WriteDbAsync<T>(Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync<T>((c, tx) => work(c, tx), cancellationToken);

    private protected override async Task<System.Data.Common.DbConnection> OpenReadAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    private protected override string NoIndex => "+";

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(cancellationToken);
        await ExecuteAsync(c, null, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;", cancellationToken);
        return c;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in an IMMEDIATE transaction (shared with the other writes waiting, see
    /// <see cref="SqliteGroupCommit"/>); the change is durable when this returns.
    /// </summary>
    private Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _writer.WriteAsync(work, cancellationToken);

    private Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async (c, tx) =>
        {
            await work(c, tx);
            return true;
        }, cancellationToken);

    internal static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    internal static async Task<int> ExecuteAsync(SqliteConnection c, SqliteTransaction? tx, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(c, tx, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Appends drafts to the chain inside the caller's transaction (which serialises writers).</summary>
    private async Task AppendLedgerAsync(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<LedgerDraft> drafts, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0) return;
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
        foreach (var draft in drafts)
        {
            seq++;
            var hash = LedgerChain.ComputeHash(seq, at, draft, previous, _keys.Current);
            await ExecuteAsync(c, tx, """
                INSERT INTO ledger(seq, at, step, record_key, patient_id, partner_id, status, payload_hash, resources, detail, prev_hash, hash)
                VALUES($seq, $at, $step, $record, $patient, $partner, $status, $payload, $resources, $detail, $prev, $hash)
                """, cancellationToken,
                ("$seq", seq), ("$at", at), ("$step", draft.Step), ("$record", draft.RecordKey), ("$patient", draft.PatientId),
                ("$partner", draft.PartnerId), ("$status", draft.Status), ("$payload", draft.PayloadHash),
                ("$resources", string.Join('\n', draft.Resources)), ("$detail", draft.Detail), ("$prev", previous), ("$hash", hash));
            previous = hash;
        }
    }
}
