using System.Data.Common;
using FhirGateway.Runtime.Inbound;

namespace FhirGateway.Runtime.Store.Sql;

/// <summary>The reads of inbound updates: which versions are known, what was written to partners, cursors, subscriptions, the feed.</summary>
public abstract partial class SqlGatewayStore
{
    private protected const string InboundColumns = """
        seq, partner_id, resource_type, resource_id, version_id, last_updated, patient_id, valid, outcome, via, json, received_at, outbox_file, exported_at
        """;

    public async Task<IReadOnlySet<string>> KnownAsync(string partnerId, IReadOnlyCollection<string> locations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using var c = await OpenReadAsync(cancellationToken);
        foreach (var location in locations)
        {
            if (!ResourceLocation.TryParse(location, out var type, out var id, out var version) || version is null) continue;
            await using var cmd = SqlCommands.Command(c, null, """
                SELECT 1 FROM inbound_resources WHERE partner_id = @p AND resource_type = @t AND resource_id = @i AND version_id = @v
                """, ("@p", partnerId), ("@t", type), ("@i", id), ("@v", version));
            if (await cmd.ExecuteScalarAsync(cancellationToken) is not null) known.Add(location);
        }
        return known;
    }

    public async Task<WrittenResource?> WrittenAsync(string partnerId, string resourceType, string resourceId, CancellationToken cancellationToken)
    {
        await using var c = await OpenReadAsync(cancellationToken);
        await using var cmd = SqlCommands.Command(c, null, "SELECT patient_id FROM partner_written WHERE partner_id = @p AND resource_type = @t AND resource_id = @i",
            ("@p", partnerId), ("@t", resourceType), ("@i", resourceId));
        return await cmd.ExecuteScalarAsync(cancellationToken) is string patient ? new WrittenResource(patient) : null;
    }

    public async Task<DateTimeOffset?> GetCursorAsync(string partnerId, string resourceType, CancellationToken cancellationToken)
    {
        await using var c = await OpenReadAsync(cancellationToken);
        await using var cmd = SqlCommands.Command(c, null, "SELECT position FROM inbound_cursors WHERE partner_id = @p AND resource_type = @t", ("@p", partnerId), ("@t", resourceType));
        return await cmd.ExecuteScalarAsync(cancellationToken) is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public async Task<SubscriptionState?> GetSubscriptionAsync(string partnerId, CancellationToken cancellationToken)
    {
        await using var c = await OpenReadAsync(cancellationToken);
        return await ReadSubscriptionAsync(c, null, partnerId, cancellationToken);
    }

    private protected static async Task<SubscriptionState?> ReadSubscriptionAsync(DbConnection c, DbTransaction? tx, string partnerId, CancellationToken cancellationToken)
    {
        await using var cmd = SqlCommands.Command(c, tx, """
            SELECT subscription, last_event, recovery_pending, recovery_generation, recovery_reason FROM inbound_subscriptions WHERE partner_id = @p
            """, ("@p", partnerId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken)) return null;
        return new SubscriptionState(partnerId, r.IsDBNull(0) ? null : r.GetString(0), r.GetInt64(1), SqlCommands.Flag(r, 2), r.GetInt64(3), r.IsDBNull(4) ? null : r.GetString(4));
    }

    public async Task<IReadOnlyList<StoredInboundItem>> ReadInboundAsync(long since, int limit, CancellationToken cancellationToken)
    {
        await using var c = await OpenReadAsync(cancellationToken);
        return await ReadItemsAsync(SqlCommands.Command(c, null, $"SELECT {InboundColumns} FROM inbound_resources WHERE seq > @since ORDER BY seq LIMIT @limit",
            ("@since", since), ("@limit", limit)), cancellationToken);
    }

    public async Task<IReadOnlyList<StoredInboundItem>> UnexportedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var c = await OpenReadAsync(cancellationToken);
        return await ReadItemsAsync(SqlCommands.Command(c, null, $"SELECT {InboundColumns} FROM inbound_resources WHERE exported_at IS NULL ORDER BY seq LIMIT @limit",
            ("@limit", limit)), cancellationToken);
    }

    private protected static async Task<IReadOnlyList<StoredInboundItem>> ReadItemsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var cmd = command;
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<StoredInboundItem>();
        while (await r.ReadAsync(cancellationToken))
        {
            var item = new InboundItem(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), r.IsDBNull(6) ? null : r.GetString(6),
                SqlCommands.Flag(r, 7), r.IsDBNull(8) ? null : r.GetString(8), r.GetString(9), (byte[])r["json"]);
            list.Add(new StoredInboundItem(r.GetInt64(0), item, DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11)), r.GetString(12), !r.IsDBNull(13)));
        }
        return list;
    }
}
