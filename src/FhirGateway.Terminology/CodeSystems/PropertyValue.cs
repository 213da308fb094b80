using System.Text.Json;
using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Terminology.CodeSystems;

/// <summary>
/// A concept property value in the form filters compare with: the string of a code, string, boolean, integer,
/// decimal or dateTime, and the code of a Coding.
/// </summary>
public sealed record PropertyValue(string Code, string Value)
{
    public static PropertyValue From(ConceptPropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return new PropertyValue(property.Code, Text(property.Value));
    }

    /// <summary>The value's text: a JSON string unquoted, a number or boolean as written, a Coding's code.</summary>
    public static string Text(FhirValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var doc = JsonDocument.Parse(value.Json);
        var root = doc.RootElement;
        return root.ValueKind switch
        {
            JsonValueKind.String => root.GetString() ?? "",
            JsonValueKind.Object => root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() ?? "" : root.GetRawText(),
            _ => root.GetRawText(),
        };
    }
}
