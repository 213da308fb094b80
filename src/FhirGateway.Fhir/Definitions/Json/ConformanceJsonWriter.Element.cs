using System.Text.Json;

namespace FhirGateway.Fhir.Definitions.Json;

public static partial class ConformanceJsonWriter
{
    private static void WriteElement(Utf8JsonWriter w, ElementDefinitionInfo e)
    {
        w.WriteStartObject();
        Opt(w, "id", e.Id);
        w.WriteString("path", e.Path);
        Strings(w, "representation", e.Representation);
        Opt(w, "sliceName", e.SliceName);
        if (e.Slicing is { } s)
        {
            w.WriteStartObject("slicing");
            if (s.Discriminators.Count > 0)
            {
                w.WriteStartArray("discriminator");
                foreach (var d in s.Discriminators)
                {
                    w.WriteStartObject();
                    w.WriteString("type", d.Type);
                    w.WriteString("path", d.Path);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            Opt(w, "description", s.Description);
            w.WriteBoolean("ordered", s.Ordered);
            w.WriteString("rules", s.Rules);
            w.WriteEndObject();
        }
        Opt(w, "short", e.Short);
        Opt(w, "definition", e.Definition);
        Opt(w, "min", e.Min);
        Opt(w, "max", e.Max);
        if (e.Base is { } b)
        {
            w.WriteStartObject("base");
            w.WriteString("path", b.Path);
            w.WriteNumber("min", b.Min);
            w.WriteString("max", b.Max);
            w.WriteEndObject();
        }
        Opt(w, "contentReference", e.ContentReference);
        if (e.Types.Count > 0)
        {
            w.WriteStartArray("type");
            foreach (var t in e.Types) WriteType(w, t);
            w.WriteEndArray();
        }
        Value(w, "defaultValue", e.DefaultValue);
        Value(w, "fixed", e.Fixed);
        Value(w, "pattern", e.Pattern);
        Value(w, "minValue", e.MinValue);
        Value(w, "maxValue", e.MaxValue);
        Opt(w, "maxLength", e.MaxLength);
        Strings(w, "condition", e.Condition);
        if (e.Constraints.Count > 0)
        {
            w.WriteStartArray("constraint");
            foreach (var c in e.Constraints) WriteConstraint(w, c);
            w.WriteEndArray();
        }
        Opt(w, "mustSupport", e.MustSupport);
        Opt(w, "isModifier", e.IsModifier);
        Opt(w, "isModifierReason", e.IsModifierReason);
        Opt(w, "isSummary", e.IsSummary);
        if (e.Binding is { } bi)
        {
            w.WriteStartObject("binding");
            w.WriteString("strength", bi.Strength);
            Opt(w, "description", bi.Description);
            Opt(w, "valueSet", bi.ValueSet);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter w, TypeRefInfo t)
    {
        w.WriteStartObject();
        if (t.FhirTypeExtension is not null || t.Regex is not null)
        {
            w.WriteStartArray("extension");
            if (t.FhirTypeExtension is not null) Extension(w, ConformanceJsonReader.FhirTypeExtension, "valueUrl", t.FhirTypeExtension);
            if (t.Regex is not null) Extension(w, ConformanceJsonReader.RegexExtension, "valueString", t.Regex);
            w.WriteEndArray();
        }
        w.WriteString("code", t.Code);
        Strings(w, "profile", t.Profiles);
        Strings(w, "targetProfile", t.TargetProfiles);
        Strings(w, "aggregation", t.Aggregation);
        Opt(w, "versioning", t.Versioning);
        w.WriteEndObject();
    }

    private static void WriteConstraint(Utf8JsonWriter w, ConstraintInfo c)
    {
        w.WriteStartObject();
        if (c.BestPractice)
        {
            w.WriteStartArray("extension");
            w.WriteStartObject();
            w.WriteString("url", ConformanceJsonReader.BestPracticeExtension);
            w.WriteBoolean("valueBoolean", true);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteString("key", c.Key);
        w.WriteString("severity", c.Severity);
        w.WriteString("human", c.Human);
        Opt(w, "expression", c.Expression);
        Opt(w, "source", c.Source);
        w.WriteEndObject();
    }
}
