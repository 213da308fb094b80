using System.Text.Json;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Inbound;

/// <summary>
/// Recognises what the gateway itself wrote to a partner, so it never comes back as the partner's own update:
/// a resource whose <c>Type/id</c> the partner named in its answer to a delivery (the ledger's partner-response
/// locations), or one that carries an identifier or tag in the clinic's own namespace (every resource the mapping
/// sends has a clinic business identifier, a Provenance its record-key tag). The clinic stays the source of its
/// own resources, even where a partner edits them.
/// </summary>
public sealed class EchoFilter(IInboundStore store)
{
    private const string ClinicNamespace = ClinicIg.Base + "/sid/";

    public async Task<bool> IsEchoAsync(string partnerId, PartnerResource resource, JsonElement json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (CarriesClinicNamespace(json)) return true;
        return await store.WrittenAsync(partnerId, resource.ResourceType, resource.Id, cancellationToken) is not null;
    }

    /// <summary>An identifier (or meta.tag) whose system is one of the clinic's.</summary>
    public static bool CarriesClinicNamespace(JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object) return false;
        if (resource.TryGetProperty("identifier", out var identifiers))
        {
            if (identifiers.ValueKind == JsonValueKind.Object && IsClinic(identifiers)) return true;
            if (identifiers.ValueKind == JsonValueKind.Array && identifiers.EnumerateArray().Any(IsClinic)) return true;
        }
        return resource.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty("tag", out var tags) && tags.ValueKind == JsonValueKind.Array && tags.EnumerateArray().Any(IsClinic);
    }

    private static bool IsClinic(JsonElement coding) =>
        coding.ValueKind == JsonValueKind.Object && coding.TryGetProperty("system", out var s) && s.ValueKind == JsonValueKind.String
        && s.GetString()!.StartsWith(ClinicNamespace, StringComparison.Ordinal);
}
