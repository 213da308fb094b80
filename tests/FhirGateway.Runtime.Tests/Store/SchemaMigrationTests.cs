using FhirGateway.Runtime.Store.PostgreSql;
using FhirGateway.Runtime.Store.Sqlite;
using FhirGateway.Runtime.Tests.Support;
using FhirGateway.Testing.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FhirGateway.Runtime.Tests.Store;

/// <summary>Versioned schema migrations: each step once, in order, recorded in schema_migrations; a data folder made before versions were kept is taken as it is.</summary>
public sealed class SchemaMigrationTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly StoreFixture _sqlite = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _sqlite.DisposeAsync();

    [Fact]
    public async Task A_sqlite_database_made_before_versions_were_kept_is_recorded_at_version_1_with_its_records_intact()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_sqlite.DatabasePath)!);
        await using (var c = new SqliteConnection($"Data Source={_sqlite.DatabasePath}"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            // the schema as an unversioned data folder has it, with one record
            cmd.CommandText = SqliteSchemaOfOldDataFolders() + """
                INSERT INTO records(record_key, record_id, version, kind, patient_id, recorded_at, receipt_id, payload, payload_hash, source, received_at, state, updated_at)
                VALUES('r1@1', 'r1', 1, 'assessment', 'p1', '2026-01-01T00:00:00Z', 'rcpt-old', X'7B7D', 'h', 'test', 0, 'waiting', 0);
                """;
            await cmd.ExecuteNonQueryAsync();
        }
        var store = new SqliteGatewayStore(_sqlite.DatabasePath, TimeProvider.System);

        await store.InitializeAsync(None);
        await store.InitializeAsync(None);

        Assert.Equal(SqliteMigrations.All.Max(m => m.Version), await store.SchemaVersionAsync(None));
        Assert.Equal("r1@1", (await store.GetRecordStatusAsync("rcpt-old", None))?.RecordKey);
        SqliteConnection.ClearAllPools();
    }

    [PostgreSqlFact]
    public async Task Instances_starting_together_apply_each_postgresql_migration_once()
    {
        var cluster = await PostgreSqlCluster.SharedAsync();
        var database = await cluster.CreateDatabaseAsync("migrations");
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgreSqlGatewayStore(database, TimeProvider.System)).ToList();

        await Task.WhenAll(stores.Select(s => s.InitializeAsync(None)));

        await using var c = new NpgsqlConnection(database);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version", c);
        var versions = new List<int>();
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) versions.Add(r.GetInt32(0));
        Assert.Equal(PostgreSqlSchema.Migrations.Select(m => m.Version), versions);
        Assert.Equal(versions[^1], await stores[0].SchemaVersionAsync(None));
        Assert.True(await stores[0].PingAsync(None));
        foreach (var s in stores) await s.DisposeAsync();
    }

    /// <summary>The tables as the baseline step creates them, without the migrations table.</summary>
    private static string SqliteSchemaOfOldDataFolders() => SqliteMigrations.All.Single(m => m.Version == 1).Sql;
}
