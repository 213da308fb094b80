using System.Data.Common;

namespace FhirGateway.Runtime.Store.Sql;

/// <summary>
/// What the SQLite and PostgreSQL stores share: the reads whose SQL is the same in both dialects (parameters named
/// <c>@name</c>, which both drivers take), written once over ADO.NET. Each engine supplies its connections and keeps
/// its own writes, claims and ledger appends, where the dialects and the concurrency rules differ.
/// </summary>
public abstract partial class SqlGatewayStore
{
    /// <summary>The most records a listing page holds.</summary>
    public const int MaxPageSize = 500;

    private protected SqlGatewayStore()
    {
    }

    /// <summary>An open connection for reading (outside any transaction).</summary>
    private protected abstract Task<DbConnection> OpenReadAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one write transaction of the engine and commits it; durable when this returns.</summary>
    private protected abstract Task<T> WriteDbAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);

    private protected Task WriteDbAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteDbAsync(async (c, tx) =>
        {
            await work(c, tx);
            return true;
        }, cancellationToken);

    /// <summary>The time now in Unix milliseconds, as the stores keep times.</summary>
    private protected abstract long Now { get; }

    /// <summary>
    /// The prefix that keeps the planner off an index for a column in a per-record check (SQLite's unary <c>+</c>);
    /// empty where the engine plans such checks well by itself.
    /// </summary>
    private protected virtual string NoIndex => "";
}
