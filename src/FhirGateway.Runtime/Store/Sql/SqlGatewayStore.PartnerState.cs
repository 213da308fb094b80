using System.Data.Common;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Bundles;

namespace FhirGateway.Runtime.Store.Sql;

public abstract partial class SqlGatewayStore : IPartnerStateStore
{
    public async Task<LearnedLimit?> GetLearnedLimitAsync(string partnerId, CancellationToken cancellationToken)
    {
        await using var c = await OpenReadAsync(cancellationToken);
        await using var cmd = SqlCommands.Command(c, null, "SELECT max_entries, learned_at, detail FROM partner_limits WHERE partner_id = @partner", ("@partner", partnerId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken)
            ? new LearnedLimit(r.GetInt32(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetString(2))
            : null;
    }

    public Task<int> LearnLimitAsync(string partnerId, int maxEntries, string detail, CancellationToken cancellationToken) =>
        WriteDbAsync(async (c, tx) =>
        {
            await SqlCommands.ExecuteAsync(c, tx, """
                INSERT INTO partner_limits(partner_id, max_entries, learned_at, detail) VALUES(@partner, @max, @now, @detail)
                ON CONFLICT(partner_id) DO UPDATE SET max_entries = excluded.max_entries, learned_at = excluded.learned_at, detail = excluded.detail
                WHERE excluded.max_entries < partner_limits.max_entries
                """, cancellationToken, ("@partner", partnerId), ("@max", Math.Max(1, maxEntries)), ("@now", Now), ("@detail", detail));
            await using var cmd = SqlCommands.Command(c, tx, "SELECT max_entries FROM partner_limits WHERE partner_id = @partner", ("@partner", partnerId));
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    public async Task<IReadOnlyDictionary<PartnerResourceKey, DeliveredVersion>> GetDeliveredVersionsAsync(string partnerId, IReadOnlyCollection<PartnerResourceKey> keys,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<PartnerResourceKey, DeliveredVersion>();
        await using var c = await OpenReadAsync(cancellationToken);
        foreach (var key in keys)
        {
            await using var cmd = SqlCommands.Command(c, null, """
                SELECT stamp, location FROM delivered_versions
                WHERE partner_id = @partner AND resource_type = @type AND identifier_system = @system AND identifier_value = @value
                """, ("@partner", partnerId), ("@type", key.ResourceType), ("@system", key.Identifier.System), ("@value", key.Identifier.Value));
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            if (await r.ReadAsync(cancellationToken) && RecordStamp.TryParse(r.GetString(0)) is { } stamp)
                found[key] = new DeliveredVersion(key, stamp, r.IsDBNull(1) ? null : r.GetString(1));
        }
        return found;
    }

    public Task RecordDeliveredVersionsAsync(string partnerId, IReadOnlyList<DeliveredVersion> versions, CancellationToken cancellationToken) =>
        WriteDbAsync(async (c, tx) =>
        {
            foreach (var v in versions)
                await SqlCommands.ExecuteAsync(c, tx, """
                    INSERT INTO delivered_versions(partner_id, resource_type, identifier_system, identifier_value, stamp, recorded_at, record_version, location, updated_at)
                    VALUES(@partner, @type, @system, @value, @stamp, @at, @version, @location, @now)
                    ON CONFLICT(partner_id, resource_type, identifier_system, identifier_value) DO UPDATE SET
                      stamp = excluded.stamp, recorded_at = excluded.recorded_at, record_version = excluded.record_version,
                      location = COALESCE(excluded.location, delivered_versions.location), updated_at = excluded.updated_at
                    WHERE excluded.recorded_at > delivered_versions.recorded_at
                       OR (excluded.recorded_at = delivered_versions.recorded_at AND excluded.record_version >= delivered_versions.record_version)
                    """, cancellationToken, ("@partner", partnerId), ("@type", v.Key.ResourceType), ("@system", v.Key.Identifier.System),
                    ("@value", v.Key.Identifier.Value), ("@stamp", v.Stamp.Code), ("@at", v.Stamp.RecordedAt.ToUnixTimeMilliseconds()),
                    ("@version", v.Stamp.Version), ("@location", v.Location), ("@now", Now));
        }, cancellationToken);
}
