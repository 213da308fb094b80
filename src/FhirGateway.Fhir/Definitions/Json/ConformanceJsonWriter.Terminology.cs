using System.Text.Json;

namespace FhirGateway.Fhir.Definitions.Json;

public static partial class ConformanceJsonWriter
{
    private static void WriteValueSet(Utf8JsonWriter w, ValueSetInfo vs)
    {
        w.WriteStartObject();
        w.WriteString("resourceType", "ValueSet");
        w.WriteString("url", vs.Url);
        Opt(w, "version", vs.Version);
        Opt(w, "name", vs.Name);
        Opt(w, "title", vs.Title);
        Opt(w, "status", vs.Status);
        Opt(w, "immutable", vs.Immutable);
        if (vs.Compose is { } c)
        {
            w.WriteStartObject("compose");
            Opt(w, "lockedDate", c.LockedDate);
            Opt(w, "inactive", c.Inactive);
            ConceptSets(w, "include", c.Include);
            ConceptSets(w, "exclude", c.Exclude);
            w.WriteEndObject();
        }
        if (vs.Expansion is { } x)
        {
            w.WriteStartObject("expansion");
            Opt(w, "identifier", x.Identifier);
            Opt(w, "timestamp", x.Timestamp);
            Opt(w, "total", x.Total);
            Contains(w, x.Contains);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void ConceptSets(Utf8JsonWriter w, string name, IReadOnlyList<ConceptSetInfo> sets)
    {
        if (sets.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var s in sets)
        {
            w.WriteStartObject();
            Opt(w, "system", s.System);
            Opt(w, "version", s.Version);
            if (s.Concepts.Count > 0)
            {
                w.WriteStartArray("concept");
                foreach (var c in s.Concepts)
                {
                    w.WriteStartObject();
                    w.WriteString("code", c.Code);
                    Opt(w, "display", c.Display);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            if (s.Filters.Count > 0)
            {
                w.WriteStartArray("filter");
                foreach (var f in s.Filters)
                {
                    w.WriteStartObject();
                    w.WriteString("property", f.Property);
                    w.WriteString("op", f.Op);
                    w.WriteString("value", f.Value);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            Strings(w, "valueSet", s.ValueSets);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Contains(Utf8JsonWriter w, IReadOnlyList<ExpansionContainsInfo> contains)
    {
        if (contains.Count == 0) return;
        w.WriteStartArray("contains");
        foreach (var c in contains)
        {
            w.WriteStartObject();
            Opt(w, "system", c.System);
            if (c.Abstract) w.WriteBoolean("abstract", true);
            if (c.Inactive) w.WriteBoolean("inactive", true);
            Opt(w, "version", c.Version);
            Opt(w, "code", c.Code);
            Opt(w, "display", c.Display);
            Contains(w, c.Contains);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteCodeSystem(Utf8JsonWriter w, CodeSystemInfo cs)
    {
        w.WriteStartObject();
        w.WriteString("resourceType", "CodeSystem");
        w.WriteString("url", cs.Url);
        Opt(w, "version", cs.Version);
        Opt(w, "name", cs.Name);
        Opt(w, "title", cs.Title);
        Opt(w, "status", cs.Status);
        Opt(w, "caseSensitive", cs.CaseSensitive);
        Opt(w, "valueSet", cs.ValueSet);
        Opt(w, "hierarchyMeaning", cs.HierarchyMeaning);
        Opt(w, "content", cs.Content);
        Opt(w, "supplements", cs.Supplements);
        Opt(w, "count", cs.Count);
        if (cs.Properties.Count > 0)
        {
            w.WriteStartArray("property");
            foreach (var p in cs.Properties)
            {
                w.WriteStartObject();
                w.WriteString("code", p.Code);
                Opt(w, "uri", p.Uri);
                w.WriteString("type", p.Type);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        Concepts(w, cs.Concepts);
        w.WriteEndObject();
    }

    private static void Concepts(Utf8JsonWriter w, IReadOnlyList<CodeSystemConceptInfo> concepts)
    {
        if (concepts.Count == 0) return;
        w.WriteStartArray("concept");
        foreach (var c in concepts)
        {
            w.WriteStartObject();
            w.WriteString("code", c.Code);
            Opt(w, "display", c.Display);
            if (c.Designations.Count > 0)
            {
                w.WriteStartArray("designation");
                foreach (var d in c.Designations)
                {
                    w.WriteStartObject();
                    Opt(w, "language", d.Language);
                    if (d.UseSystem is not null || d.UseCode is not null)
                    {
                        w.WriteStartObject("use");
                        Opt(w, "system", d.UseSystem);
                        Opt(w, "code", d.UseCode);
                        w.WriteEndObject();
                    }
                    w.WriteString("value", d.Value);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            if (c.Properties.Count > 0)
            {
                w.WriteStartArray("property");
                foreach (var p in c.Properties)
                {
                    w.WriteStartObject();
                    w.WriteString("code", p.Code);
                    Value(w, "value", p.Value);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            Concepts(w, c.Concepts);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteSearchParameter(Utf8JsonWriter w, SearchParameterInfo sp)
    {
        w.WriteStartObject();
        w.WriteString("resourceType", "SearchParameter");
        w.WriteString("url", sp.Url);
        Opt(w, "version", sp.Version);
        Opt(w, "name", sp.Name);
        w.WriteString("code", sp.Code);
        Strings(w, "base", sp.Base);
        w.WriteString("type", sp.Type);
        Opt(w, "expression", sp.Expression);
        Strings(w, "target", sp.Target);
        Strings(w, "comparator", sp.Comparators);
        Strings(w, "modifier", sp.Modifiers);
        Strings(w, "chain", sp.Chains);
        if (sp.Components.Count > 0)
        {
            w.WriteStartArray("component");
            foreach (var c in sp.Components)
            {
                w.WriteStartObject();
                w.WriteString("definition", c.Definition);
                w.WriteString("expression", c.Expression);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
