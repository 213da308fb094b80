using FhirGateway.Fhir.Definitions.Json;
using FhirGateway.Fhir.Serialization;
using FhirGateway.Fhir.Serialization.Xml;

namespace FhirGateway.Fhir.Definitions.Sources;

/// <summary>
/// Gathers the definitions found in JSON or XML texts (single resources or Bundles; XML is read as JSON) into an index, and remembers
/// what it passed over (other resource types, resources without a url) so callers can report it.
/// </summary>
public sealed class DefinitionCollector
{
    private readonly List<IndexedDefinition> _definitions = [];
    private readonly List<string> _skipped = [];

    public IReadOnlyList<IndexedDefinition> Definitions => _definitions;

    /// <summary>What was not taken, as "origin: ResourceType" lines.</summary>
    public IReadOnlyList<string> Skipped => _skipped;

    /// <summary>
    /// Scans one JSON text and adds the definitions it holds. With <paramref name="bundleEntries"/> false a
    /// Bundle is passed over as a whole: packages ship each definition in its own file, and their Bundles
    /// are examples or legacy collections (R4 core's data-element Bundle holds 6,781 logical models).
    /// </summary>
    public void Add(ReadOnlyMemory<byte> json, string origin, bool bundleEntries = true)
    {
        if (FhirFormats.Detect(json.Span, origin) == FhirFormat.Xml)
        {
            var (converted, issues) = FhirXmlConversion.ToJson(json, origin);
            if (converted is null)
            {
                _skipped.Add($"{origin}: not readable as FHIR XML: {issues.FirstOrDefault(i => i.IsError)?.Message ?? "no resource"}");
                return;
            }
            json = converted;
        }
        foreach (var found in ResourceScanner.Scan(json, origin, bundleEntries))
        {
            if (found.Entry is null)
            {
                _skipped.Add($"{origin}: {found.ResourceType ?? "no resourceType"}");
                continue;
            }
            var slice = found.Json;
            _definitions.Add(new IndexedDefinition(found.Entry, () => slice, origin));
        }
    }

    public IndexedDefinitionSource ToSource(string description) => new(description, _definitions);
}
