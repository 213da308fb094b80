using System.Text.Json;

namespace FhirGateway.Fhir.Definitions.Json;

/// <summary>A resource found in a JSON text: its type, its index entry when it is a definition, and its JSON bytes.</summary>
public sealed record ScannedResource(string? ResourceType, DefinitionEntry? Entry, ReadOnlyMemory<byte> Json);

/// <summary>
/// Finds the resources in a JSON text without reading them: the resource itself, or every
/// <c>entry.resource</c> of a Bundle (nested Bundles too), with the header fields a definition index needs.
/// </summary>
public static class ResourceScanner
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    /// <summary>The resources in <paramref name="json"/>; a Bundle gives its entries (or, with <paramref name="bundleEntries"/> false, itself).</summary>
    public static List<ScannedResource> Scan(ReadOnlyMemory<byte> json, string? origin = null, bool bundleEntries = true)
    {
        var found = new List<ScannedResource>();
        try
        {
            var r = new Utf8JsonReader(json.Span, Options);
            JsonRead.StartObject(ref r);
            ScanObject(ref r, json, found, bundleEntries);
        }
        catch (Exception e) when (e is JsonException or DefinitionFormatException)
        {
            throw new DefinitionFormatException($"Cannot read {origin ?? "JSON"}: {e.Message}", e);
        }
        return found;
    }

    private static void ScanObject(ref Utf8JsonReader r, ReadOnlyMemory<byte> source, List<ScannedResource> found, bool bundleEntries = true)
    {
        var start = (int)r.TokenStartIndex;
        string? resourceType = null, url = null, version = null, name = null, type = null, derivation = null, code = null;
        var nested = new List<ScannedResource>();
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("resourceType"u8)) resourceType = JsonRead.String(ref r);
            else if (r.ValueTextEquals("url"u8)) url = StringOrSkip(ref r);
            else if (r.ValueTextEquals("version"u8)) version = StringOrSkip(ref r);
            else if (r.ValueTextEquals("name"u8)) name = StringOrSkip(ref r);
            else if (r.ValueTextEquals("type"u8)) type = StringOrSkip(ref r);
            else if (r.ValueTextEquals("derivation"u8)) derivation = StringOrSkip(ref r);
            else if (r.ValueTextEquals("code"u8)) code = StringOrSkip(ref r);
            else if (bundleEntries && r.ValueTextEquals("entry"u8)) ScanEntries(ref r, source, nested);
            else JsonRead.SkipValue(ref r);
        }
        if (resourceType == "Bundle" && bundleEntries)
        {
            found.AddRange(nested);
            return;
        }
        var json = source[start..(int)r.BytesConsumed];
        DefinitionEntry? entry = null;
        if (url is not null && DefinitionKinds.TryParse(resourceType, out var kind))
            entry = new DefinitionEntry(kind, url, version, name, kind == DefinitionKind.SearchParameter ? code : type, derivation);
        found.Add(new ScannedResource(resourceType, entry, json));
    }

    private static void ScanEntries(ref Utf8JsonReader r, ReadOnlyMemory<byte> source, List<ScannedResource> found)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            return;
        }
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                r.Skip();
                continue;
            }
            while (JsonRead.NextProperty(ref r))
            {
                if (!r.ValueTextEquals("resource"u8))
                {
                    JsonRead.SkipValue(ref r);
                    continue;
                }
                r.Read();
                if (r.TokenType == JsonTokenType.StartObject) ScanObject(ref r, source, found);
                else r.Skip();
            }
        }
    }

    /// <summary>Header fields are strings in definitions; elsewhere (an <c>entry</c> of some other resource) they may not be.</summary>
    private static string? StringOrSkip(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.String) return r.GetString();
        r.Skip();
        return null;
    }
}
