using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.FhirPath;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.Cli;

/// <summary>
/// Writes a FHIRPath result for <c>fhirgw fhirpath</c>. JSON: an array with one <c>{"type": T, "value": V}</c> per item,
/// T the FHIR type of an element or the System type name (<c>boolean</c>, <c>integer</c>, <c>decimal</c>, <c>string</c>,
/// <c>date</c>, <c>dateTime</c>, <c>time</c>, <c>Quantity</c>); V a JSON boolean, a number for integers, a string for
/// decimals (exact lexical form), dates and times (without <c>@</c>) and strings, <c>{"value", "unit"}</c> for a Quantity,
/// and the FHIR JSON of complex elements (a primitive with only extensions gives its <c>_name</c> object). Text: one
/// <c>type: value</c> line per item, complex elements as compact FHIR JSON.
/// </summary>
internal sealed class FhirPathResultWriter(FhirJsonWriter fhirJson)
{
    private static readonly JsonWriterOptions Pretty = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToJson(IReadOnlyList<object> items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Pretty))
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                w.WriteStartObject();
                w.WriteString("type", FhirPathItems.TypeName(item));
                w.WritePropertyName("value");
                WriteValue(w, item);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public string ToText(IReadOnlyList<object> items)
    {
        var sb = new StringBuilder();
        foreach (var item in items)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(FhirPathItems.TypeName(item)).Append(": ");
            if (item is ElementNode node && (node.Text is null || !node.IsPrimitive)) sb.Append(Encoding.UTF8.GetString(CompactJson(node)));
            else sb.Append(FhirPathItems.Format(item));
        }
        return sb.ToString();
    }

    private byte[] CompactJson(ElementNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, FhirJsonWriter.Options(pretty: false))) fhirJson.Write(node, w);
        return buffer.WrittenSpan.ToArray();
    }

    private void WriteValue(Utf8JsonWriter w, object item)
    {
        if (item is ElementNode node)
        {
            if (!node.IsPrimitive || node.Text is null)
            {
                fhirJson.Write(node, w);
                return;
            }
            if (FhirPathItems.ToSystemValue(node) is bool or int or long)
            {
                w.WriteRawValue(node.Text, skipInputValidation: false);
                return;
            }
            w.WriteStringValue(node.Text);
            return;
        }
        switch (item)
        {
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case Quantity q:
                w.WriteStartObject();
                w.WriteString("value", FhirPathItems.Format(q.Value));
                w.WriteString("unit", q.Unit);
                w.WriteEndObject();
                break;
            case TypeInfoValue t:
                w.WriteStartObject();
                w.WriteString("namespace", t.Namespace);
                w.WriteString("name", t.Name);
                w.WriteEndObject();
                break;
            default: w.WriteStringValue(FhirPathItems.Format(item)); break;
        }
    }
}
