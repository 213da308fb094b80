using System.Text.Json;

namespace FhirGateway.Fhir.Definitions.Json;

public static partial class ConformanceJsonReader
{
    private static SearchParameterInfo ReadSearchParameter(ref Utf8JsonReader r)
    {
        string? url = null, version = null, name = null, code = null, type = null, expression = null;
        IReadOnlyList<string> bases = [], targets = [], comparators = [], modifiers = [], chains = [];
        var components = new List<SearchParameterComponentInfo>();
        JsonRead.StartObject(ref r);
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("url"u8)) url = JsonRead.String(ref r);
            else if (r.ValueTextEquals("version"u8)) version = JsonRead.String(ref r);
            else if (r.ValueTextEquals("name"u8)) name = JsonRead.String(ref r);
            else if (r.ValueTextEquals("code"u8)) code = JsonRead.String(ref r);
            else if (r.ValueTextEquals("type"u8)) type = JsonRead.String(ref r);
            else if (r.ValueTextEquals("expression"u8)) expression = JsonRead.String(ref r);
            else if (r.ValueTextEquals("base"u8)) bases = JsonRead.Strings(ref r);
            else if (r.ValueTextEquals("target"u8)) targets = JsonRead.Strings(ref r);
            else if (r.ValueTextEquals("comparator"u8)) comparators = JsonRead.Strings(ref r);
            else if (r.ValueTextEquals("modifier"u8)) modifiers = JsonRead.Strings(ref r);
            else if (r.ValueTextEquals("chain"u8)) chains = JsonRead.Strings(ref r);
            else if (r.ValueTextEquals("component"u8))
            {
                JsonRead.StartArray(ref r);
                while (JsonRead.NextObject(ref r))
                {
                    string? definition = null, componentExpression = null;
                    while (JsonRead.NextProperty(ref r))
                    {
                        if (r.ValueTextEquals("definition"u8)) definition = JsonRead.String(ref r);
                        else if (r.ValueTextEquals("expression"u8)) componentExpression = JsonRead.String(ref r);
                        else JsonRead.SkipValue(ref r);
                    }
                    components.Add(new SearchParameterComponentInfo(definition ?? "", componentExpression ?? ""));
                }
            }
            else JsonRead.SkipValue(ref r);
        }
        return new SearchParameterInfo
        {
            Url = url ?? throw new DefinitionFormatException("SearchParameter has no url"),
            Version = version, Name = name,
            Code = code ?? throw new DefinitionFormatException($"SearchParameter {url} has no code"),
            Type = type ?? throw new DefinitionFormatException($"SearchParameter {url} has no type"),
            Expression = expression, Base = bases, Target = targets, Comparators = comparators, Modifiers = modifiers,
            Chains = chains, Components = components.ToArray(),
        };
    }
}
