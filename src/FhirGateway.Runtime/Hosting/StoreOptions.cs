using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Store.PostgreSql;
using FhirGateway.Runtime.Store.Sqlite;

namespace FhirGateway.Runtime.Hosting;

/// <summary>Which engine keeps the gateway's state.</summary>
public enum StoreProvider
{
    /// <summary>One SQLite file in the data folder (<c>{Data}/gateway.db</c>): one gateway instance, the embedded default.</summary>
    Sqlite,
    /// <summary>A PostgreSQL database named by <see cref="StoreOptions.ConnectionString"/>: any number of instances share it.</summary>
    PostgreSql,
}

/// <summary>The store: <c>Store:Provider</c> (<c>FHIRGW_STORE__PROVIDER</c>) and <c>Store:ConnectionString</c> (<c>FHIRGW_STORE__CONNECTIONSTRING</c>).</summary>
public sealed class StoreOptions
{
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>The Npgsql connection string of the PostgreSQL database (<c>Host=…;Port=…;Database=…;Username=…;Password=…</c>); not used with SQLite.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>Builds the configured store engine and checks its settings.</summary>
public static class GatewayStores
{
    public static IGatewayStore Create(GatewayOptions options, TimeProvider time, LedgerKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Store.Provider switch
        {
            StoreProvider.PostgreSql => new PostgreSqlGatewayStore(options.Store.ConnectionString!, time, keys),
            _ => new SqliteGatewayStore(SqliteGatewayStore.PathIn(options.DataFolder), time, keys),
        };
    }

    /// <summary>The problems of the store settings, each with its key.</summary>
    public static IEnumerable<(string Key, string Message)> Problems(StoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!Enum.IsDefined(store.Provider))
        {
            yield return ("Store:Provider", $"must be {StoreProvider.Sqlite} or {StoreProvider.PostgreSql}, found '{store.Provider}'");
            yield break;
        }
        var given = !string.IsNullOrWhiteSpace(store.ConnectionString);
        if (store.Provider == StoreProvider.Sqlite && given)
            yield return ("Store:ConnectionString", "is read only with Store:Provider PostgreSql (SQLite keeps its database in the data folder, {Data}/gateway.db): remove it or set Store:Provider=PostgreSql");
        if (store.Provider != StoreProvider.PostgreSql) yield break;
        if (!given)
        {
            yield return ("Store:ConnectionString", "must name the PostgreSQL database for Store:Provider PostgreSql (Host=…;Port=…;Database=…;Username=…;Password=…)");
            yield break;
        }
        if (PostgreSqlGatewayStore.ConnectionStringProblem(store.ConnectionString!) is { } problem)
            yield return ("Store:ConnectionString", problem);
    }
}
