using System.Data.Common;
using System.Globalization;

namespace FhirGateway.Runtime.Store.Migrations;

/// <summary>One numbered step of a store's schema: applied once, in its own transaction, in version order.</summary>
internal sealed record SchemaMigration(int Version, string Name, string Sql);

/// <summary>
/// Applies a store's versioned migrations at start: a <c>schema_migrations</c> table holds the version, name and time
/// of every step applied; each missing step runs in one transaction with its row, so a crash leaves a step wholly
/// applied or not at all. The engine's <c>begin</c> serialises concurrent starters (an advisory lock on PostgreSQL,
/// the write lock on SQLite), and a step found applied under that lock is skipped.
/// </summary>
internal static class SchemaMigrations
{
    public const string Table = "schema_migrations";

    /// <summary>Applies the missing steps; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(DbConnection c, Func<CancellationToken, Task<DbTransaction>> begin,
        IReadOnlyList<SchemaMigration> migrations, long now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(begin);
        ArgumentNullException.ThrowIfNull(migrations);
        var applied = new List<int>();
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            await using var tx = await begin(cancellationToken);
            await ExecuteAsync(c, tx, $"""
                CREATE TABLE IF NOT EXISTS {Table}(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
                """, cancellationToken);
            if (await IsAppliedAsync(c, tx, migration.Version, cancellationToken)) continue;
            await ExecuteAsync(c, tx, migration.Sql, cancellationToken);
            await ExecuteAsync(c, tx, string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO {Table}(version, name, applied_at) VALUES({migration.Version}, '{migration.Name.Replace("'", "''", StringComparison.Ordinal)}', {now})"),
                cancellationToken);
            await tx.CommitAsync(cancellationToken);
            applied.Add(migration.Version);
        }
        return applied;
    }

    /// <summary>The highest version applied, 0 for none.</summary>
    public static async Task<int> CurrentAsync(DbConnection c, CancellationToken cancellationToken)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT coalesce(max(version), 0) FROM {Table}";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<bool> IsAppliedAsync(DbConnection c, DbTransaction tx, int version, CancellationToken cancellationToken)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT count(*) FROM {Table} WHERE version = {version}");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection c, DbTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
