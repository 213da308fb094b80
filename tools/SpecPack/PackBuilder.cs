using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Json;
using FhirGateway.Fhir.Definitions.Pack;
using FhirGateway.Fhir.Definitions.Sources;

namespace FhirGateway.Tools.SpecPack;

/// <summary>
/// Collects definitions from FHIR packages in order: the first definition of a <c>url|version</c> is kept;
/// a later ValueSet of the same canonical lends its expansion when the kept one has none (the R4
/// expansions package). Writes them through the conformance reader/writer pair, checking each round-trips.
/// </summary>
internal sealed class PackBuilder
{
    private readonly Dictionary<(DefinitionKind, string), (DefinitionEntry Entry, object Info)> _kept = [];
    private readonly List<string> _packages = [];
    private int _expansionsAdded;
    private int _duplicates;

    public void AddPackage(string path, TextWriter log)
    {
        var package = FhirPackage.Read(path);
        _packages.Add(package.ToString());
        var collector = new DefinitionCollector();
        foreach (var file in package.Files) collector.Add(file.Content, $"{package}/{file.Name}", bundleEntries: false);
        foreach (var d in collector.Definitions)
        {
            var info = ConformanceJsonReader.Read(d.Entry.Kind, d.Json().Span, d.Origin);
            var key = (d.Entry.Kind, d.Entry.Canonical);
            if (!_kept.TryGetValue(key, out var existing))
            {
                _kept[key] = (d.Entry, info);
                continue;
            }
            if (existing.Info is ValueSetInfo { Expansion: null } kept && info is ValueSetInfo { Expansion: { } expansion })
            {
                _kept[key] = (existing.Entry, kept with { Expansion = expansion });
                _expansionsAdded++;
            }
            else _duplicates++;
        }
        log.WriteLine($"{package}: {collector.Definitions.Count} definitions, {collector.Skipped.Count} other resources passed over");
    }

    public void Write(Stream output, TextWriter log)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var entries = _kept.Values.Select(k => (k.Entry, Json: RoundTripped(k.Entry, k.Info))).ToList();
        log.WriteLine($"compact JSON: {entries.Sum(e => (long)e.Json.Length):N0} bytes, written and checked in {clock.ElapsedMilliseconds:N0} ms");
        DefinitionPack.Write(output, $"FHIR R4 core from {string.Join(" + ", _packages)}", entries);
    }

    /// <summary>The compact JSON of a definition, checked to read back to the same content.</summary>
    private static byte[] RoundTripped(DefinitionEntry entry, object info)
    {
        var json = ConformanceJsonWriter.Write(info);
        var again = ConformanceJsonWriter.Write(ConformanceJsonReader.Read(entry.Kind, json, entry.Canonical));
        if (!json.AsSpan().SequenceEqual(again)) throw new InvalidOperationException($"{entry} does not round-trip through the compact form");
        return json;
    }

    public string Summary()
    {
        var counts = _kept.Values.GroupBy(k => k.Entry.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        return $"kept {string.Join(", ", counts)}; {_expansionsAdded} expansions merged, {_duplicates} duplicates ignored";
    }
}
