using System.Globalization;
using System.Text.Json;
using FhirGateway.Fhir.Issues;

namespace FhirGateway.Mapping.Records;

/// <summary>
/// Reads the envelope of an internal record (see <see cref="RecordEnvelope"/>) from its JSON, collecting every
/// problem as an issue located by the record's JSON path (<c>patient.id</c>). Never throws for bad input: the bytes
/// pass <see cref="RecordJson"/> (valid text, bounded depth and arrays) before any field is read.
/// </summary>
public static class RecordEnvelopeReader
{
    public static RecordEnvelope? Read(ReadOnlyMemory<byte> json, List<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        using var document = RecordJson.Open(json, issues);
        return document is null ? null : Read(document.RootElement, issues);
    }

    public static RecordEnvelope? Read(JsonElement root, List<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (root.ValueKind != JsonValueKind.Object)
        {
            issues.Add(IssueCatalogue.RecordNotObject.At(null, root.ValueKind));
            return null;
        }
        var before = issues.Count;
        var recordId = String(root, "recordId", issues);
        var version = Version(root, issues);
        var kind = String(root, "kind", issues);
        if (kind is not null && !RecordKinds.IsKnown(kind))
            issues.Add(IssueCatalogue.RecordUnknownKind.At("kind", kind, string.Join(", ", RecordKinds.All)));
        string? patientId = null;
        if (!root.TryGetProperty("patient", out var patient) || patient.ValueKind != JsonValueKind.Object)
            issues.Add(IssueCatalogue.RecordMissingField.At("patient", "patient", "an object with the clinic's patient id"));
        else
            patientId = String(patient, "id", issues, "patient.");
        var recordedAt = Timestamp(root, "recordedAt", issues);
        if (issues.Count > before) return null;
        return new RecordEnvelope(recordId!, version, kind!, patientId!, recordedAt!.Value);
    }

    private static string? String(JsonElement obj, string name, List<Issue> issues, string prefix = "")
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            issues.Add(IssueCatalogue.RecordMissingField.At(prefix + name, prefix + name, "a non-empty string"));
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            issues.Add(IssueCatalogue.RecordWrongField.At(prefix + name, prefix + name, "a non-empty string", value.ValueKind));
            return null;
        }
        return value.GetString();
    }

    private static int Version(JsonElement root, List<Issue> issues)
    {
        if (!root.TryGetProperty("version", out var value))
        {
            issues.Add(IssueCatalogue.RecordMissingField.At("version", "version", "a positive integer"));
            return 0;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var v) || v < 1)
        {
            issues.Add(IssueCatalogue.RecordWrongField.At("version", "version", "a positive integer", RecordFields.Shorten(value.ToString())));
            return 0;
        }
        return v;
    }

    private static DateTimeOffset? Timestamp(JsonElement root, string name, List<Issue> issues)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            issues.Add(IssueCatalogue.RecordMissingField.At(name, name, "a timestamp with time zone (2026-03-01T09:30:00Z)"));
            return null;
        }
        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParseExact(value.GetString(), "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            && value.GetString()!.Length > 19 && (value.GetString()!.EndsWith('Z') || value.GetString()![^6] is '+' or '-'))
            return t;
        issues.Add(IssueCatalogue.RecordWrongField.At(name, name, "a timestamp with time zone (2026-03-01T09:30:00Z)", RecordFields.Shorten(value.ToString())));
        return null;
    }
}
