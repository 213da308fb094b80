using System.Collections.Concurrent;
using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Inbound;

/// <summary>The clinic patient an inbound resource is about (null when none matches), or the issue that says why not.</summary>
public sealed record PatientMatch(string? PatientId, Issue? Issue);

/// <summary>
/// Matches a partner's resource to the clinic's patient: the patient reference (where the R4 search parameters say
/// it is) → a clinic MRN on a logical reference; else the partner's Patient the gateway itself wrote there (the
/// ledger knows its record's patient); else that Patient read from the partner and its clinic MRN identifier.
/// Matches are cached per partner; no match is an issue, never an exception.
/// </summary>
public sealed class PatientMatcher(PartnerClient client, IInboundStore store)
{
    private readonly ConcurrentDictionary<(string Partner, string Id), string> _known = new();

    public async Task<PatientMatch> MatchAsync(Partner partner, string resourceType, JsonElement resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var paths = PatientReferencePaths.R4.For(resourceType);
        var references = paths.SelectMany(p => References(resource, p)).ToList();
        if (references.Count == 0)
            return new PatientMatch(null, IssueCatalogue.GatewayInboundNoPatient.At(null, resourceType, paths.Count == 0 ? "(no patient search parameter)" : string.Join(", ", paths)));
        string? tried = null;
        foreach (var (path, reference) in references)
        {
            if (Mrn(reference, "identifier") is { } mrn) return new PatientMatch(mrn, null);
            if (!reference.TryGetProperty("reference", out var r) || r.ValueKind != JsonValueKind.String) continue;
            var text = r.GetString()!;
            tried ??= $"{resourceType}.{path} '{text}'";
            if (!ResourceLocation.TryParse(text, out var type, out var id, out _) || type != "Patient") continue;
            if (text.Contains("://", StringComparison.Ordinal) && !text.StartsWith(partner.BaseUri.ToString(), StringComparison.OrdinalIgnoreCase)) continue;
            if (await ResolveAsync(partner, id, cancellationToken) is { } patient) return new PatientMatch(patient, null);
        }
        return new PatientMatch(null, IssueCatalogue.GatewayInboundUnmatchedPatient.At(null, tried ?? resourceType, ClinicIg.Systems.Mrn, partner.Id));
    }

    private async Task<string?> ResolveAsync(Partner partner, string id, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue((partner.Id, id), out var cached)) return cached;
        string? patient = null;
        if (await store.WrittenAsync(partner.Id, "Patient", id, cancellationToken) is { PatientId.Length: > 0 } written) patient = written.PatientId;
        else
        {
            var answer = await client.GetAsync(partner, "Patient/" + id, cancellationToken);
            if (answer.StatusCode is >= 200 and < 300) patient = MrnOfPatient(answer.Body);
        }
        if (patient is not null) _known[(partner.Id, id)] = patient;
        return patient;
    }

    private static string? MrnOfPatient(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("identifier", out var ids) || ids.ValueKind != JsonValueKind.Array) return null;
            return ids.EnumerateArray().Select(i => Mrn(i, null)).FirstOrDefault(v => v is not null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The value of a clinic-MRN identifier: the element itself, or its <paramref name="property"/>.</summary>
    private static string? Mrn(JsonElement element, string? property)
    {
        var identifier = element;
        if (property is not null && !element.TryGetProperty(property, out identifier)) return null;
        return identifier.ValueKind == JsonValueKind.Object
            && identifier.TryGetProperty("system", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() == ClinicIg.Systems.Mrn
            && identifier.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } value
            ? value : null;
    }

    private static IEnumerable<(string Path, JsonElement Reference)> References(JsonElement resource, string path)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty(path, out var value)) return [];
        return value.ValueKind switch
        {
            JsonValueKind.Object => [(path, value)],
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object).Select(v => (path, v)),
            _ => [],
        };
    }
}
