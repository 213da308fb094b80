using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store.PostgreSql;
using FhirGateway.Testing.Store;
using Npgsql;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>The database of one test class on the shared throwaway cluster (or FHIRGW_TEST_POSTGRES); nothing where PostgreSQL is unavailable.</summary>
public sealed class PostgreSqlDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (PostgreSqlCluster.Unavailable is not null) return;
        var cluster = await PostgreSqlCluster.SharedAsync();
        ConnectionString = await cluster.CreateDatabaseAsync("contract");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>A real PostgreSQL store for one test: its own schema in the class's database (so the migrations run from empty each time), with a fake clock.</summary>
public sealed class PostgreSqlStoreFixture(PostgreSqlDatabase database) : StoreFixture<PostgreSqlGatewayStore>
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<PostgreSqlGatewayStore> _opened = [];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = _schema }.ToString();

    protected override async Task PrepareAsync()
    {
        await using var c = new NpgsqlConnection(database.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE SCHEMA {_schema}", c);
        await cmd.ExecuteNonQueryAsync();
    }

    public override PostgreSqlGatewayStore Open(TimeProvider time, LedgerKeyRing keys)
    {
        var store = new PostgreSqlGatewayStore(ConnectionString, time, keys);
        _opened.Add(store);
        return store;
    }

    public override async Task DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
    }
}
