using FhirGateway.Testing.Store;

namespace FhirGateway.Load;

/// <summary>
/// The store a load run uses: SQLite in a temporary data folder (one instance), or PostgreSQL — the database named by
/// <c>--postgres</c>, or a throwaway cluster (fsync on, as a deployment runs it) started for the run — which any number
/// of in-process gateway instances share.
/// </summary>
internal sealed class LoadStore : IAsyncDisposable
{
    private PostgreSqlCluster? _cluster;

    private LoadStore(string name, IReadOnlyDictionary<string, string?> settings)
    {
        Name = name;
        Settings = settings;
    }

    public string Name { get; }

    /// <summary>The Store:* settings every instance gets.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static async Task<LoadStore> OpenAsync(string provider, string? connectionString, CancellationToken cancellationToken)
    {
        if (!provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
            return new LoadStore("SQLite", new Dictionary<string, string?> { ["Store:Provider"] = "Sqlite" });
        PostgreSqlCluster? cluster = null;
        if (connectionString is null)
        {
            cluster = await PostgreSqlCluster.StartAsync(durable: true, cancellationToken);
            connectionString = await cluster.CreateDatabaseAsync("load", cancellationToken);
        }
        var store = new LoadStore(cluster is null ? "PostgreSQL (given)" : "PostgreSQL (throwaway cluster, fsync on)",
            new Dictionary<string, string?> { ["Store:Provider"] = "PostgreSql", ["Store:ConnectionString"] = connectionString });
        store._cluster = cluster;
        return store;
    }

    public ValueTask DisposeAsync()
    {
        _cluster?.Stop();
        return ValueTask.CompletedTask;
    }
}
