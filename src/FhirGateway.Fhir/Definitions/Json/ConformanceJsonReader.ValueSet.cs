using System.Text.Json;

namespace FhirGateway.Fhir.Definitions.Json;

public static partial class ConformanceJsonReader
{
    private static ValueSetInfo ReadValueSet(ref Utf8JsonReader r)
    {
        string? url = null, version = null, name = null, title = null, status = null;
        bool? immutable = null;
        ValueSetComposeInfo? compose = null;
        ValueSetExpansionInfo? expansion = null;
        JsonRead.StartObject(ref r);
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("url"u8)) url = JsonRead.String(ref r);
            else if (r.ValueTextEquals("version"u8)) version = JsonRead.String(ref r);
            else if (r.ValueTextEquals("name"u8)) name = JsonRead.String(ref r);
            else if (r.ValueTextEquals("title"u8)) title = JsonRead.String(ref r);
            else if (r.ValueTextEquals("status"u8)) status = JsonRead.String(ref r);
            else if (r.ValueTextEquals("immutable"u8)) immutable = JsonRead.Bool(ref r);
            else if (r.ValueTextEquals("compose"u8)) compose = ReadCompose(ref r);
            else if (r.ValueTextEquals("expansion"u8)) expansion = ReadExpansion(ref r);
            else JsonRead.SkipValue(ref r);
        }
        return new ValueSetInfo
        {
            Url = url ?? throw new DefinitionFormatException("ValueSet has no url"),
            Version = version, Name = name, Title = title, Status = status, Immutable = immutable,
            Compose = compose, Expansion = expansion,
        };
    }

    private static ValueSetComposeInfo ReadCompose(ref Utf8JsonReader r)
    {
        string? lockedDate = null;
        bool? inactive = null;
        IReadOnlyList<ConceptSetInfo> include = [], exclude = [];
        JsonRead.StartObject(ref r);
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("lockedDate"u8)) lockedDate = JsonRead.String(ref r);
            else if (r.ValueTextEquals("inactive"u8)) inactive = JsonRead.Bool(ref r);
            else if (r.ValueTextEquals("include"u8)) include = ReadConceptSets(ref r);
            else if (r.ValueTextEquals("exclude"u8)) exclude = ReadConceptSets(ref r);
            else JsonRead.SkipValue(ref r);
        }
        return new ValueSetComposeInfo { LockedDate = lockedDate, Inactive = inactive, Include = include, Exclude = exclude };
    }

    private static ConceptSetInfo[] ReadConceptSets(ref Utf8JsonReader r)
    {
        var list = new List<ConceptSetInfo>();
        JsonRead.StartArray(ref r);
        while (JsonRead.NextObject(ref r))
        {
            string? system = null, version = null;
            IReadOnlyList<string> valueSets = [];
            var concepts = new List<ConceptReferenceInfo>();
            var filters = new List<ValueSetFilterInfo>();
            while (JsonRead.NextProperty(ref r))
            {
                if (r.ValueTextEquals("system"u8)) system = JsonRead.String(ref r);
                else if (r.ValueTextEquals("version"u8)) version = JsonRead.String(ref r);
                else if (r.ValueTextEquals("valueSet"u8)) valueSets = JsonRead.Strings(ref r);
                else if (r.ValueTextEquals("concept"u8))
                {
                    JsonRead.StartArray(ref r);
                    while (JsonRead.NextObject(ref r)) concepts.Add(ReadConceptReference(ref r));
                }
                else if (r.ValueTextEquals("filter"u8))
                {
                    JsonRead.StartArray(ref r);
                    while (JsonRead.NextObject(ref r)) filters.Add(ReadFilter(ref r));
                }
                else JsonRead.SkipValue(ref r);
            }
            list.Add(new ConceptSetInfo { System = system, Version = version, Concepts = concepts.ToArray(), Filters = filters.ToArray(), ValueSets = valueSets });
        }
        return list.ToArray();
    }

    private static ConceptReferenceInfo ReadConceptReference(ref Utf8JsonReader r)
    {
        string? code = null, display = null;
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("code"u8)) code = JsonRead.String(ref r);
            else if (r.ValueTextEquals("display"u8)) display = JsonRead.String(ref r);
            else JsonRead.SkipValue(ref r);
        }
        return new ConceptReferenceInfo(code ?? throw new DefinitionFormatException("compose concept without code"), display);
    }

    private static ValueSetFilterInfo ReadFilter(ref Utf8JsonReader r)
    {
        string? property = null, op = null, value = null;
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("property"u8)) property = JsonRead.String(ref r);
            else if (r.ValueTextEquals("op"u8)) op = JsonRead.String(ref r);
            else if (r.ValueTextEquals("value"u8)) value = JsonRead.String(ref r);
            else JsonRead.SkipValue(ref r);
        }
        return new ValueSetFilterInfo(property ?? throw new DefinitionFormatException("filter without property"),
            op ?? throw new DefinitionFormatException($"filter on {property} without op"), value ?? "");
    }

    private static ValueSetExpansionInfo ReadExpansion(ref Utf8JsonReader r)
    {
        string? identifier = null, timestamp = null;
        int? total = null;
        IReadOnlyList<ExpansionContainsInfo> contains = [];
        JsonRead.StartObject(ref r);
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("identifier"u8)) identifier = JsonRead.String(ref r);
            else if (r.ValueTextEquals("timestamp"u8)) timestamp = JsonRead.String(ref r);
            else if (r.ValueTextEquals("total"u8)) total = JsonRead.Int(ref r);
            else if (r.ValueTextEquals("contains"u8)) contains = ReadContains(ref r);
            else JsonRead.SkipValue(ref r);
        }
        return new ValueSetExpansionInfo { Identifier = identifier, Timestamp = timestamp, Total = total, Contains = contains };
    }

    private static ExpansionContainsInfo[] ReadContains(ref Utf8JsonReader r)
    {
        var list = new List<ExpansionContainsInfo>();
        JsonRead.StartArray(ref r);
        while (JsonRead.NextObject(ref r))
        {
            string? system = null, version = null, code = null, display = null;
            bool isAbstract = false, inactive = false;
            IReadOnlyList<ExpansionContainsInfo> nested = [];
            while (JsonRead.NextProperty(ref r))
            {
                if (r.ValueTextEquals("system"u8)) system = JsonRead.String(ref r);
                else if (r.ValueTextEquals("version"u8)) version = JsonRead.String(ref r);
                else if (r.ValueTextEquals("code"u8)) code = JsonRead.String(ref r);
                else if (r.ValueTextEquals("display"u8)) display = JsonRead.String(ref r);
                else if (r.ValueTextEquals("abstract"u8)) isAbstract = JsonRead.Bool(ref r);
                else if (r.ValueTextEquals("inactive"u8)) inactive = JsonRead.Bool(ref r);
                else if (r.ValueTextEquals("contains"u8)) nested = ReadContains(ref r);
                else JsonRead.SkipValue(ref r);
            }
            list.Add(new ExpansionContainsInfo { System = system, Version = version, Code = code, Display = display, Abstract = isAbstract, Inactive = inactive, Contains = nested });
        }
        return list.ToArray();
    }
}
