using System.Text.Json;

namespace FhirGateway.Fhir.Definitions.Json;

public static partial class ConformanceJsonReader
{
    internal const string FhirTypeExtension = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";
    internal const string RegexExtension = "http://hl7.org/fhir/StructureDefinition/regex";
    internal const string BestPracticeExtension = "http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice";

    private static ElementDefinitionInfo ReadElement(ref Utf8JsonReader r)
    {
        string? path = null, id = null, sliceName = null, max = null, contentReference = null, shortText = null, definition = null, modifierReason = null;
        int? min = null, maxLength = null;
        bool? mustSupport = null, isModifier = null, isSummary = null;
        ElementBaseInfo? baseInfo = null;
        IReadOnlyList<TypeRefInfo> types = [];
        IReadOnlyList<string> representation = [], condition = [];
        IReadOnlyList<ConstraintInfo> constraints = [];
        FhirValue? fixedValue = null, pattern = null, minValue = null, maxValue = null, defaultValue = null;
        BindingInfo? binding = null;
        SlicingInfo? slicing = null;
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("path"u8)) path = JsonRead.String(ref r);
            else if (r.ValueTextEquals("id"u8)) id = JsonRead.String(ref r);
            else if (r.ValueTextEquals("sliceName"u8)) sliceName = JsonRead.String(ref r);
            else if (r.ValueTextEquals("min"u8)) min = JsonRead.Int(ref r);
            else if (r.ValueTextEquals("max"u8)) max = JsonRead.String(ref r);
            else if (r.ValueTextEquals("base"u8)) baseInfo = ReadBase(ref r);
            else if (r.ValueTextEquals("type"u8)) types = ReadTypes(ref r);
            else if (r.ValueTextEquals("contentReference"u8)) contentReference = JsonRead.String(ref r);
            else if (r.ValueTextEquals("representation"u8)) representation = JsonRead.Strings(ref r);
            else if (r.ValueTextEquals("short"u8)) shortText = JsonRead.String(ref r);
            else if (r.ValueTextEquals("definition"u8)) definition = JsonRead.String(ref r);
            else if (r.ValueTextEquals("maxLength"u8)) maxLength = JsonRead.Int(ref r);
            else if (r.ValueTextEquals("condition"u8)) condition = JsonRead.Strings(ref r);
            else if (r.ValueTextEquals("constraint"u8)) constraints = ReadConstraints(ref r);
            else if (r.ValueTextEquals("binding"u8)) binding = ReadBinding(ref r);
            else if (r.ValueTextEquals("slicing"u8)) slicing = ReadSlicing(ref r);
            else if (r.ValueTextEquals("mustSupport"u8)) mustSupport = JsonRead.Bool(ref r);
            else if (r.ValueTextEquals("isModifier"u8)) isModifier = JsonRead.Bool(ref r);
            else if (r.ValueTextEquals("isModifierReason"u8)) modifierReason = JsonRead.String(ref r);
            else if (r.ValueTextEquals("isSummary"u8)) isSummary = JsonRead.Bool(ref r);
            else if (r.ValueSpan.StartsWith("fixed"u8)) fixedValue = JsonRead.Value(ref r, 5);
            else if (r.ValueSpan.StartsWith("pattern"u8)) pattern = JsonRead.Value(ref r, 7);
            else if (r.ValueSpan.StartsWith("minValue"u8)) minValue = JsonRead.Value(ref r, 8);
            else if (r.ValueSpan.StartsWith("maxValue"u8)) maxValue = JsonRead.Value(ref r, 8);
            else if (r.ValueSpan.StartsWith("defaultValue"u8)) defaultValue = JsonRead.Value(ref r, 12);
            else JsonRead.SkipValue(ref r);
        }
        return new ElementDefinitionInfo
        {
            Path = path ?? throw new DefinitionFormatException($"element {id} has no path"),
            Id = id,
            SliceName = sliceName,
            Min = min,
            Max = max,
            Base = baseInfo,
            Types = types,
            ContentReference = contentReference,
            Representation = representation,
            Short = shortText,
            Definition = definition,
            Fixed = fixedValue,
            Pattern = pattern,
            MinValue = minValue,
            MaxValue = maxValue,
            DefaultValue = defaultValue,
            MaxLength = maxLength,
            Condition = condition,
            Constraints = constraints,
            Binding = binding,
            Slicing = slicing,
            MustSupport = mustSupport,
            IsModifier = isModifier,
            IsModifierReason = modifierReason,
            IsSummary = isSummary,
        };
    }

    private static ElementBaseInfo ReadBase(ref Utf8JsonReader r)
    {
        string? path = null, max = null;
        var min = 0;
        JsonRead.StartObject(ref r);
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("path"u8)) path = JsonRead.String(ref r);
            else if (r.ValueTextEquals("min"u8)) min = JsonRead.Int(ref r);
            else if (r.ValueTextEquals("max"u8)) max = JsonRead.String(ref r);
            else JsonRead.SkipValue(ref r);
        }
        return new ElementBaseInfo(path ?? throw new DefinitionFormatException("base without path"), min, max ?? "*");
    }

    private static TypeRefInfo[] ReadTypes(ref Utf8JsonReader r)
    {
        var list = new List<TypeRefInfo>(2);
        JsonRead.StartArray(ref r);
        while (JsonRead.NextObject(ref r))
        {
            string? code = null, fhirType = null, regex = null, versioning = null;
            IReadOnlyList<string> profiles = [], targets = [], aggregation = [];
            while (JsonRead.NextProperty(ref r))
            {
                if (r.ValueTextEquals("code"u8)) code = JsonRead.String(ref r);
                else if (r.ValueTextEquals("profile"u8)) profiles = JsonRead.Strings(ref r);
                else if (r.ValueTextEquals("targetProfile"u8)) targets = JsonRead.Strings(ref r);
                else if (r.ValueTextEquals("aggregation"u8)) aggregation = JsonRead.Strings(ref r);
                else if (r.ValueTextEquals("versioning"u8)) versioning = JsonRead.String(ref r);
                else if (r.ValueTextEquals("extension"u8))
                {
                    foreach (var (url, value) in ReadSimpleExtensions(ref r))
                    {
                        if (url == FhirTypeExtension) fhirType = value;
                        else if (url == RegexExtension) regex = value;
                    }
                }
                else JsonRead.SkipValue(ref r);
            }
            list.Add(new TypeRefInfo
            {
                Code = code ?? throw new DefinitionFormatException("type without code"),
                FhirTypeExtension = fhirType,
                Regex = regex,
                Profiles = profiles,
                TargetProfiles = targets,
                Aggregation = aggregation,
                Versioning = versioning,
            });
        }
        return list.ToArray();
    }

    private static ConstraintInfo[] ReadConstraints(ref Utf8JsonReader r)
    {
        var list = new List<ConstraintInfo>();
        JsonRead.StartArray(ref r);
        while (JsonRead.NextObject(ref r))
        {
            string? key = null, severity = null, human = null, expression = null, source = null;
            var bestPractice = false;
            while (JsonRead.NextProperty(ref r))
            {
                if (r.ValueTextEquals("key"u8)) key = JsonRead.String(ref r);
                else if (r.ValueTextEquals("severity"u8)) severity = JsonRead.String(ref r);
                else if (r.ValueTextEquals("human"u8)) human = JsonRead.String(ref r);
                else if (r.ValueTextEquals("expression"u8)) expression = JsonRead.String(ref r);
                else if (r.ValueTextEquals("source"u8)) source = JsonRead.String(ref r);
                else if (r.ValueTextEquals("extension"u8))
                {
                    foreach (var (url, value) in ReadSimpleExtensions(ref r))
                        if (url == BestPracticeExtension && value == "true") bestPractice = true;
                }
                else JsonRead.SkipValue(ref r);
            }
            list.Add(new ConstraintInfo(key ?? throw new DefinitionFormatException("constraint without key"),
                severity ?? "error", human ?? "", expression, source) { BestPractice = bestPractice });
        }
        return list.ToArray();
    }

    private static BindingInfo ReadBinding(ref Utf8JsonReader r)
    {
        string? strength = null, valueSet = null, description = null;
        JsonRead.StartObject(ref r);
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("strength"u8)) strength = JsonRead.String(ref r);
            else if (r.ValueTextEquals("valueSet"u8)) valueSet = JsonRead.String(ref r);
            else if (r.ValueTextEquals("description"u8)) description = JsonRead.String(ref r);
            else JsonRead.SkipValue(ref r);
        }
        return new BindingInfo(strength ?? throw new DefinitionFormatException("binding without strength"), valueSet) { Description = description };
    }

    private static SlicingInfo ReadSlicing(ref Utf8JsonReader r)
    {
        var discriminators = new List<DiscriminatorInfo>();
        var ordered = false;
        string? rules = null, description = null;
        JsonRead.StartObject(ref r);
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("discriminator"u8))
            {
                JsonRead.StartArray(ref r);
                while (JsonRead.NextObject(ref r))
                {
                    string? type = null, path = null;
                    while (JsonRead.NextProperty(ref r))
                    {
                        if (r.ValueTextEquals("type"u8)) type = JsonRead.String(ref r);
                        else if (r.ValueTextEquals("path"u8)) path = JsonRead.String(ref r);
                        else JsonRead.SkipValue(ref r);
                    }
                    discriminators.Add(new DiscriminatorInfo(type ?? throw new DefinitionFormatException("discriminator without type"), path ?? "$this"));
                }
            }
            else if (r.ValueTextEquals("ordered"u8)) ordered = JsonRead.Bool(ref r);
            else if (r.ValueTextEquals("rules"u8)) rules = JsonRead.String(ref r);
            else if (r.ValueTextEquals("description"u8)) description = JsonRead.String(ref r);
            else JsonRead.SkipValue(ref r);
        }
        return new SlicingInfo { Discriminators = discriminators.ToArray(), Ordered = ordered, Rules = rules ?? "open", Description = description };
    }

    /// <summary>Reads an extension array, keeping url and the text of primitive values (booleans as "true"/"false"); complex values are skipped.</summary>
    private static List<(string Url, string? Value)> ReadSimpleExtensions(ref Utf8JsonReader r)
    {
        var list = new List<(string, string?)>(2);
        JsonRead.StartArray(ref r);
        while (JsonRead.NextObject(ref r))
        {
            string? url = null, value = null;
            while (JsonRead.NextProperty(ref r))
            {
                if (r.ValueTextEquals("url"u8)) url = JsonRead.String(ref r);
                else if (r.ValueSpan.StartsWith("value"u8))
                {
                    r.Read();
                    value = r.TokenType switch
                    {
                        JsonTokenType.String => r.GetString(),
                        JsonTokenType.True => "true",
                        JsonTokenType.False => "false",
                        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(r.ValueSpan),
                        _ => null,
                    };
                    r.Skip();
                }
                else JsonRead.SkipValue(ref r);
            }
            if (url is not null) list.Add((url, value));
        }
        return list;
    }
}
