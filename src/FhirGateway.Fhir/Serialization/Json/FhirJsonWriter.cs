using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>
/// Writes an element tree as FHIR JSON: resourceType first, properties in definition order, <c>_name</c>
/// companions for primitives with an id or extensions (null placeholders in arrays), numbers as their exact
/// lexical text. Stateless and thread-safe.
/// </summary>
public static class FhirJsonWriter
{
    private static readonly JsonWriterOptions PrettyOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonWriterOptions Options(bool pretty) => pretty ? PrettyOptions : CompactOptions;

    public static byte[] ToUtf8Bytes(ElementNode resource, bool pretty = true)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Options(pretty))) Write(resource, writer);
        return buffer.WrittenSpan.ToArray();
    }

    public static string ToJson(ElementNode resource, bool pretty = true) => Encoding.UTF8.GetString(ToUtf8Bytes(resource, pretty));

    public static void Write(ElementNode resource, Stream stream, bool pretty = true)
    {
        using var writer = new Utf8JsonWriter(stream, Options(pretty));
        Write(resource, writer);
    }

    /// <summary>Writes <paramref name="node"/> (a resource, or any complex element) as one JSON object.</summary>
    public static void Write(ElementNode node, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(writer);
        WriteObject(node, writer);
        writer.Flush();
    }

    private static void WriteObject(ElementNode node, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        if (node.IsResource && node.InstanceType is not null) w.WriteString("resourceType"u8, node.InstanceType);
        ChildOrder.ForEachGroup(node, w, WriteGroup);
        w.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter w, ReadOnlySpan<ElementNode> group)
    {
        var first = group[0];
        var isArray = group.Length > 1 || first.InArray || first.Property is { IsCollection: true };
        if (!IsValueNode(first))
        {
            w.WritePropertyName(first.JsonName);
            if (isArray) w.WriteStartArray();
            foreach (var node in group) WriteObject(node, w);
            if (isArray) w.WriteEndArray();
            return;
        }
        bool anyText = false, anyCompanion = false;
        foreach (var node in group)
        {
            anyText |= node.Text is not null;
            anyCompanion |= node.Children.Count > 0;
        }
        if (anyText)
        {
            w.WritePropertyName(first.JsonName);
            if (isArray) w.WriteStartArray();
            foreach (var node in group)
                if (node.Text is null) w.WriteNullValue();
                else WriteValue(node, w);
            if (isArray) w.WriteEndArray();
        }
        if (anyCompanion)
        {
            w.WritePropertyName("_" + first.JsonName);
            if (isArray) w.WriteStartArray();
            foreach (var node in group)
            {
                if (node.Children.Count == 0)
                {
                    w.WriteNullValue();
                    continue;
                }
                w.WriteStartObject();
                ChildOrder.ForEachGroup(node, w, WriteGroup);
                w.WriteEndObject();
            }
            if (isArray) w.WriteEndArray();
        }
    }

    private static bool IsValueNode(ElementNode node) =>
        node.Type is { Kind: TypeKind.Primitive or TypeKind.System } || (node.Type is null && node.Text is not null);

    private static void WriteValue(ElementNode node, Utf8JsonWriter w)
    {
        var text = node.Text!;
        var kind = node.Type is null ? PrimitiveValueKind.String : PrimitiveValueKinds.Of(node.Type);
        switch (kind)
        {
            case PrimitiveValueKind.Number when JsonNumberText.IsValid(text):
                w.WriteRawValue(text, skipInputValidation: true);
                break;
            case PrimitiveValueKind.Boolean when text is "true" or "false":
                w.WriteBooleanValue(text == "true");
                break;
            default:
                w.WriteStringValue(text);
                break;
        }
    }
}
