using System.Text.Json;

namespace FhirGateway.Fhir.Definitions.Json;

public static partial class ConformanceJsonReader
{
    private static CodeSystemInfo ReadCodeSystem(ref Utf8JsonReader r)
    {
        string? url = null, version = null, name = null, title = null, status = null, content = null;
        string? hierarchy = null, valueSet = null, supplements = null;
        bool? caseSensitive = null;
        int? count = null;
        var properties = new List<CodeSystemPropertyInfo>();
        IReadOnlyList<CodeSystemConceptInfo> concepts = [];
        JsonRead.StartObject(ref r);
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("url"u8)) url = JsonRead.String(ref r);
            else if (r.ValueTextEquals("version"u8)) version = JsonRead.String(ref r);
            else if (r.ValueTextEquals("name"u8)) name = JsonRead.String(ref r);
            else if (r.ValueTextEquals("title"u8)) title = JsonRead.String(ref r);
            else if (r.ValueTextEquals("status"u8)) status = JsonRead.String(ref r);
            else if (r.ValueTextEquals("content"u8)) content = JsonRead.String(ref r);
            else if (r.ValueTextEquals("caseSensitive"u8)) caseSensitive = JsonRead.Bool(ref r);
            else if (r.ValueTextEquals("hierarchyMeaning"u8)) hierarchy = JsonRead.String(ref r);
            else if (r.ValueTextEquals("valueSet"u8)) valueSet = JsonRead.String(ref r);
            else if (r.ValueTextEquals("supplements"u8)) supplements = JsonRead.String(ref r);
            else if (r.ValueTextEquals("count"u8)) count = JsonRead.Int(ref r);
            else if (r.ValueTextEquals("property"u8))
            {
                JsonRead.StartArray(ref r);
                while (JsonRead.NextObject(ref r)) properties.Add(ReadPropertyDeclaration(ref r));
            }
            else if (r.ValueTextEquals("concept"u8)) concepts = ReadConcepts(ref r);
            else JsonRead.SkipValue(ref r);
        }
        return new CodeSystemInfo
        {
            Url = url ?? throw new DefinitionFormatException("CodeSystem has no url"),
            Version = version, Name = name, Title = title, Status = status, Content = content, CaseSensitive = caseSensitive,
            HierarchyMeaning = hierarchy, ValueSet = valueSet, Supplements = supplements, Count = count,
            Properties = properties.ToArray(), Concepts = concepts,
        };
    }

    private static CodeSystemPropertyInfo ReadPropertyDeclaration(ref Utf8JsonReader r)
    {
        string? code = null, uri = null, type = null;
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("code"u8)) code = JsonRead.String(ref r);
            else if (r.ValueTextEquals("uri"u8)) uri = JsonRead.String(ref r);
            else if (r.ValueTextEquals("type"u8)) type = JsonRead.String(ref r);
            else JsonRead.SkipValue(ref r);
        }
        return new CodeSystemPropertyInfo(code ?? throw new DefinitionFormatException("property without code"), uri, type ?? "string");
    }

    private static CodeSystemConceptInfo[] ReadConcepts(ref Utf8JsonReader r)
    {
        var list = new List<CodeSystemConceptInfo>();
        JsonRead.StartArray(ref r);
        while (JsonRead.NextObject(ref r))
        {
            string? code = null, display = null;
            var designations = new List<DesignationInfo>();
            var properties = new List<ConceptPropertyInfo>();
            IReadOnlyList<CodeSystemConceptInfo> nested = [];
            while (JsonRead.NextProperty(ref r))
            {
                if (r.ValueTextEquals("code"u8)) code = JsonRead.String(ref r);
                else if (r.ValueTextEquals("display"u8)) display = JsonRead.String(ref r);
                else if (r.ValueTextEquals("concept"u8)) nested = ReadConcepts(ref r);
                else if (r.ValueTextEquals("designation"u8))
                {
                    JsonRead.StartArray(ref r);
                    while (JsonRead.NextObject(ref r)) designations.Add(ReadDesignation(ref r));
                }
                else if (r.ValueTextEquals("property"u8))
                {
                    JsonRead.StartArray(ref r);
                    while (JsonRead.NextObject(ref r)) properties.Add(ReadConceptProperty(ref r));
                }
                else JsonRead.SkipValue(ref r);
            }
            list.Add(new CodeSystemConceptInfo
            {
                Code = code ?? throw new DefinitionFormatException("concept without code"),
                Display = display,
                Designations = designations.Count == 0 ? [] : designations.ToArray(),
                Properties = properties.Count == 0 ? [] : properties.ToArray(),
                Concepts = nested,
            });
        }
        return list.ToArray();
    }

    private static DesignationInfo ReadDesignation(ref Utf8JsonReader r)
    {
        string? language = null, useSystem = null, useCode = null, value = null;
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("language"u8)) language = JsonRead.String(ref r);
            else if (r.ValueTextEquals("value"u8)) value = JsonRead.String(ref r);
            else if (r.ValueTextEquals("use"u8))
            {
                JsonRead.StartObject(ref r);
                while (JsonRead.NextProperty(ref r))
                {
                    if (r.ValueTextEquals("system"u8)) useSystem = JsonRead.String(ref r);
                    else if (r.ValueTextEquals("code"u8)) useCode = JsonRead.String(ref r);
                    else JsonRead.SkipValue(ref r);
                }
            }
            else JsonRead.SkipValue(ref r);
        }
        return new DesignationInfo(language, useSystem, useCode, value ?? "");
    }

    private static ConceptPropertyInfo ReadConceptProperty(ref Utf8JsonReader r)
    {
        string? code = null;
        FhirValue? value = null;
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("code"u8)) code = JsonRead.String(ref r);
            else if (r.ValueSpan.StartsWith("value"u8)) value = JsonRead.Value(ref r, 5);
            else JsonRead.SkipValue(ref r);
        }
        return new ConceptPropertyInfo(code ?? throw new DefinitionFormatException("concept property without code"),
            value ?? throw new DefinitionFormatException($"concept property {code} without value"));
    }
}
