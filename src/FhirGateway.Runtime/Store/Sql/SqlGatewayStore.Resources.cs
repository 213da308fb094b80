using System.Data.Common;

using FhirGateway.Mapping;

namespace FhirGateway.Runtime.Store.Sql;

public abstract partial class SqlGatewayStore : IStoredResourceReader
{
    public async Task<StoredRecordResources?> FindRecordWithAsync(string resourceType, BusinessIdentifier identifier, CancellationToken cancellationToken)
    {
        await using var c = await OpenReadAsync(cancellationToken);
        await using var find = SqlCommands.Command(c, null, """
            SELECT res.record_key FROM resources res JOIN records rec ON rec.record_key = res.record_key
            WHERE res.resource_type = @type AND res.identifier_system = @system AND res.identifier_value = @value
            ORDER BY rec.seq DESC LIMIT 1
            """, ("@type", resourceType), ("@system", identifier.System), ("@value", identifier.Value));
        if (await find.ExecuteScalarAsync(cancellationToken) is not string recordKey) return null;
        await using var read = SqlCommands.Command(c, null, "SELECT resource_type, resource_id, profile, json FROM resources WHERE record_key = @key ORDER BY ordinal", ("@key", recordKey));
        await using var r = await read.ExecuteReaderAsync(cancellationToken);
        var resources = new List<StoredResource>();
        while (await r.ReadAsync(cancellationToken)) resources.Add(new StoredResource(r.GetString(0), r.GetString(1), r.GetString(2), (byte[])r.GetValue(3)));
        return new StoredRecordResources(recordKey, resources);
    }
}
