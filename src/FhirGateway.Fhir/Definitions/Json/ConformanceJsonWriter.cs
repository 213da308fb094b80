using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FhirGateway.Fhir.Definitions.Json;

/// <summary>
/// Writes the Info records back as compact FHIR JSON holding only the kept fields, in a fixed order, so
/// <see cref="ConformanceJsonReader"/> reads them back to equal records. The pack stores this form.
/// </summary>
public static partial class ConformanceJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    public static byte[] Write(object definition)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            switch (definition)
            {
                case StructureDefinitionInfo sd: WriteStructureDefinition(w, sd); break;
                case ValueSetInfo vs: WriteValueSet(w, vs); break;
                case CodeSystemInfo cs: WriteCodeSystem(w, cs); break;
                case SearchParameterInfo sp: WriteSearchParameter(w, sp); break;
                default: throw new ArgumentException($"Not a definition record: {definition?.GetType().Name}", nameof(definition));
            }
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteStructureDefinition(Utf8JsonWriter w, StructureDefinitionInfo sd)
    {
        w.WriteStartObject();
        w.WriteString("resourceType", "StructureDefinition");
        w.WriteString("url", sd.Url);
        Opt(w, "version", sd.Version);
        w.WriteString("name", sd.Name);
        Opt(w, "title", sd.Title);
        Opt(w, "status", sd.Status);
        Opt(w, "fhirVersion", sd.FhirVersion);
        w.WriteString("kind", sd.Kind);
        w.WriteBoolean("abstract", sd.Abstract);
        if (sd.Contexts.Count > 0)
        {
            w.WriteStartArray("context");
            foreach (var c in sd.Contexts)
            {
                w.WriteStartObject();
                w.WriteString("type", c.Type);
                w.WriteString("expression", c.Expression);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        Strings(w, "contextInvariant", sd.ContextInvariants);
        w.WriteString("type", sd.Type);
        Opt(w, "baseDefinition", sd.BaseDefinition);
        Opt(w, "derivation", sd.Derivation);
        Elements(w, "snapshot", sd.Snapshot);
        Elements(w, "differential", sd.Differential);
        w.WriteEndObject();
    }

    private static void Elements(Utf8JsonWriter w, string name, IReadOnlyList<ElementDefinitionInfo> elements)
    {
        if (elements.Count == 0) return;
        w.WriteStartObject(name);
        w.WriteStartArray("element");
        foreach (var e in elements) WriteElement(w, e);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    private static void Opt(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is not null) w.WriteBoolean(name, value.Value);
    }

    private static void Opt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is not null) w.WriteNumber(name, value.Value);
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>Writes a value[x] property: the prefix plus the capitalised type code, and the kept JSON text.</summary>
    private static void Value(Utf8JsonWriter w, string prefix, FhirValue? value)
    {
        if (value is null) return;
        w.WritePropertyName(prefix + char.ToUpperInvariant(value.TypeCode[0]) + value.TypeCode[1..]);
        w.WriteRawValue(value.Json, skipInputValidation: false);
    }

    private static void Extension(Utf8JsonWriter w, string url, string valueName, string value)
    {
        w.WriteStartObject();
        w.WriteString("url", url);
        w.WriteString(valueName, value);
        w.WriteEndObject();
    }
}
