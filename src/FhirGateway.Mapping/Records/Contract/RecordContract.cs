using System.Text.Json;
using FhirGateway.Fhir.Issues;
using Json.Schema;

namespace FhirGateway.Mapping.Records.Contract;

/// <summary>
/// The record contract: the embedded JSON Schemas (<c>Records/Schemas/</c>, one per kind over the shared envelope)
/// are the one statement of what a record may carry. Every intake path (HTTP, inbox, <c>fhirgw ingest</c>) and the
/// mapper (so also replay) check a record against its kind's schema here; every broken rule becomes a
/// <c>record-…</c> issue at the field's path with its line and column, an unknown field with the name it was
/// probably meant to be. Thread-safe: the schemas are built once, and evaluated by one thread at a time.
/// </summary>
public static class RecordContract
{
    private static readonly Lazy<ContractSchemas> Schemas = new(ContractSchemas.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lock Gate = new();

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>The issues of a record whose envelope has been read, located in its JSON (origin = the record key).</summary>
    public static IReadOnlyList<Issue> Check(ReadOnlyMemory<byte> json, RecordEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var issues = new List<Issue>();
        using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 }))
            Check(document.RootElement, envelope.Kind, issues);
        return RecordPositions.Locate(json, issues, envelope.Key);
    }

    /// <summary>Adds the issues of a record of a known kind (paths only; positions are added by the caller).</summary>
    internal static void Check(JsonElement root, string kind, List<Issue> issues)
    {
        var schemas = Schemas.Value;
        if (!schemas.ByKind.TryGetValue(kind, out var schema)) return;
        EvaluationResults results;
        lock (Gate) // JsonSchema.Net is not safe to evaluate concurrently (the kinds share the envelope schema)
            results = schema.Evaluate(root, Options);
        if (results.IsValid) return;
        var seen = new HashSet<(string, string?)>();
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is not { Count: > 0 } errors) continue;
            foreach (var (key, message) in errors)
                foreach (var issue in ContractIssues.For(schemas, kind, root, detail, key, message))
                    if (seen.Add((issue.Code, issue.Expression))) issues.Add(issue);
        }
        if (issues.Count == 0) issues.Add(IssueCatalogue.RecordWrongField.At(null, "the record", $"a {kind} record as its contract says", "another shape"));
    }
}
