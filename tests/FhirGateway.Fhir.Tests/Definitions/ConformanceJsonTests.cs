using System.Text;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Json;

namespace FhirGateway.Fhir.Tests.Definitions;

public sealed class ConformanceJsonTests
{
    private const string StructureDefinition = """
        {
          "resourceType": "StructureDefinition",
          "id": "thing", "text": {"status": "generated", "div": "<div>long narrative</div>"},
          "url": "http://example.org/StructureDefinition/thing", "version": "1.0", "name": "Thing", "status": "draft",
          "description": "dropped", "fhirVersion": "4.0.1", "kind": "complex-type", "abstract": false,
          "context": [{"type": "element", "expression": "Patient"}], "contextInvariant": ["true"],
          "type": "Extension", "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Extension", "derivation": "constraint",
          "mapping": [{"identity": "rim"}],
          "snapshot": {"element": [
            {"id": "Extension", "path": "Extension", "short": "A thing", "definition": "The formal definition of a thing", "comment": "dropped", "min": 0, "max": "*",
             "base": {"path": "Extension", "min": 0, "max": "*"},
             "constraint": [{"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice", "valueBoolean": true}],
               "key": "thg-1", "severity": "warning", "human": "Be good", "expression": "value.exists()", "xpath": "dropped",
               "source": "http://example.org/StructureDefinition/thing"}],
             "isModifier": false},
            {"id": "Extension.id", "path": "Extension.id", "representation": ["xmlAttr"], "min": 0, "max": "1",
             "type": [{"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type", "valueUrl": "string"},
               {"url": "http://hl7.org/fhir/StructureDefinition/regex", "valueString": "[A-Za-z0-9\\-\\.]{1,64}"}],
               "code": "http://hl7.org/fhirpath/System.String"}]},
            {"id": "Extension.extension", "path": "Extension.extension",
             "slicing": {"discriminator": [{"type": "value", "path": "url"}], "description": "by url", "ordered": true, "rules": "closed"}},
            {"id": "Extension.extension:part", "path": "Extension.extension", "sliceName": "part", "max": "0"},
            {"id": "Extension.value[x]", "path": "Extension.value[x]", "min": 1,
             "type": [{"code": "Reference", "targetProfile": ["http://hl7.org/fhir/StructureDefinition/Patient"], "aggregation": ["contained"], "versioning": "either"},
                      {"code": "Quantity", "profile": ["http://hl7.org/fhir/StructureDefinition/SimpleQuantity"]}],
             "patternQuantity": {"value": 1.50, "unit": "mg"}, "minValueDecimal": 0.10, "maxLength": 12, "defaultValueBoolean": true,
             "condition": ["thg-1"], "mustSupport": true, "isModifier": true, "isModifierReason": "changes meaning", "isSummary": true,
             "binding": {"extension": [{"url": "x", "valueString": "y"}], "strength": "extensible", "description": "Units", "valueSet": "http://example.org/ValueSet/units"}},
            {"id": "Extension.url", "path": "Extension.url", "fixedUri": "http://example.org/thing"},
            {"id": "Extension.item", "path": "Extension.item", "contentReference": "#Extension"}
          ]}
        }
        """;

    [Fact]
    public void Reads_the_computable_fields_of_a_structure_definition()
    {
        var sd = ConformanceJsonReader.ReadStructureDefinition(Encoding.UTF8.GetBytes(StructureDefinition));
        Assert.Equal(("Thing", "complex-type", "Extension", "constraint", "1.0"), (sd.Name, sd.Kind, sd.Type, sd.Derivation, sd.Version));
        Assert.Equal([new ContextInfo("element", "Patient")], sd.Contexts);
        Assert.Equal(["true"], sd.ContextInvariants);
        Assert.Empty(sd.Differential);

        var root = sd.Snapshot[0];
        Assert.Equal(new ElementBaseInfo("Extension", 0, "*"), root.Base);
        var constraint = Assert.Single(root.Constraints);
        Assert.True(constraint.BestPractice);
        Assert.Equal(new ConstraintInfo("thg-1", "warning", "Be good", "value.exists()", "http://example.org/StructureDefinition/thing") { BestPractice = true }, constraint);

        var id = Assert.Single(sd.Snapshot[1].Types);
        Assert.Equal(("http://hl7.org/fhirpath/System.String", "string", "[A-Za-z0-9\\-\\.]{1,64}"), (id.Code, id.FhirTypeExtension, id.Regex));
        Assert.Equal(["xmlAttr"], sd.Snapshot[1].Representation);

        var slicing = sd.Snapshot[2].Slicing!;
        Assert.Equal([new DiscriminatorInfo("value", "url")], slicing.Discriminators);
        Assert.Equal((true, "closed", "by url"), (slicing.Ordered, slicing.Rules, slicing.Description));
        Assert.Equal("part", sd.Snapshot[3].SliceName);

        var value = sd.Snapshot[4];
        Assert.Equal(["contained"], value.Types[0].Aggregation);
        Assert.Equal("either", value.Types[0].Versioning);
        Assert.Equal(["http://hl7.org/fhir/StructureDefinition/SimpleQuantity"], value.Types[1].Profiles);
        Assert.Equal(new FhirValue("Quantity", """{"value":1.50,"unit":"mg"}"""), value.Pattern);
        Assert.Equal(new FhirValue("decimal", "0.10"), value.MinValue);
        Assert.Equal(new FhirValue("boolean", "true"), value.DefaultValue);
        Assert.Equal((12, true, true, "changes meaning", true), (value.MaxLength, value.MustSupport, value.IsModifier, value.IsModifierReason, value.IsSummary));
        Assert.Equal(["thg-1"], value.Condition);
        Assert.Equal(new BindingInfo("extensible", "http://example.org/ValueSet/units") { Description = "Units" }, value.Binding);
        Assert.Equal(new FhirValue("uri", "\"http://example.org/thing\""), sd.Snapshot[5].Fixed);
        Assert.Equal("#Extension", sd.Snapshot[6].ContentReference);
    }

    [Fact]
    public void Compact_form_reads_back_to_the_same_definition_keeps_element_definitions_and_drops_other_prose()
    {
        var sd = ConformanceJsonReader.ReadStructureDefinition(Encoding.UTF8.GetBytes(StructureDefinition));
        var compact = ConformanceJsonWriter.Write(sd);
        var again = ConformanceJsonReader.ReadStructureDefinition(compact);

        Assert.Equal(compact, ConformanceJsonWriter.Write(again));
        var text = Encoding.UTF8.GetString(compact);
        Assert.DoesNotContain("dropped", text);
        Assert.DoesNotContain("narrative", text);
        Assert.Equal("The formal definition of a thing", again.Snapshot[0].Definition);
        Assert.Equal(sd.Snapshot[4].Pattern, again.Snapshot[4].Pattern);
        Assert.Equal(sd.Snapshot[0].Constraints[0], again.Snapshot[0].Constraints[0]);
    }

    [Fact]
    public void Code_system_concepts_keep_hierarchy_designations_and_typed_properties()
    {
        const string json = """
            {"resourceType":"CodeSystem","url":"urn:cs","version":"2","name":"CS","status":"active","content":"complete",
             "caseSensitive":true,"hierarchyMeaning":"is-a","valueSet":"urn:vs","count":3,
             "property":[{"code":"status","uri":"http://hl7.org/fhir/concept-properties#status","type":"code"},{"code":"notSelectable","type":"boolean"}],
             "concept":[{"code":"a","display":"A","definition":"dropped","designation":[{"language":"nl","use":{"system":"urn:use","code":"syn"},"value":"Aa"}],
               "property":[{"code":"notSelectable","valueBoolean":true}],
               "concept":[{"code":"a1","property":[{"code":"status","valueCode":"retired"}]}]},{"code":"b"}]}
            """;
        var cs = ConformanceJsonReader.ReadCodeSystem(Encoding.UTF8.GetBytes(json));
        Assert.Equal(("complete", true, "is-a", "urn:vs", 3), (cs.Content, cs.CaseSensitive, cs.HierarchyMeaning, cs.ValueSet, cs.Count));
        Assert.Equal(new CodeSystemPropertyInfo("notSelectable", null, "boolean"), cs.Properties[1]);
        var a = cs.Concepts[0];
        Assert.Equal(new DesignationInfo("nl", "urn:use", "syn", "Aa"), Assert.Single(a.Designations));
        Assert.Equal(new ConceptPropertyInfo("notSelectable", new FhirValue("boolean", "true")), Assert.Single(a.Properties));
        Assert.Equal(new ConceptPropertyInfo("status", new FhirValue("code", "\"retired\"")), Assert.Single(Assert.Single(a.Concepts).Properties));
        var compact = ConformanceJsonWriter.Write(cs);
        Assert.Equal(compact, ConformanceJsonWriter.Write(ConformanceJsonReader.ReadCodeSystem(compact)));
        Assert.DoesNotContain("dropped", Encoding.UTF8.GetString(compact));
    }

    [Fact]
    public void Value_set_expansion_keeps_nested_abstract_and_inactive_codes()
    {
        const string json = """
            {"resourceType":"ValueSet","url":"urn:vs","compose":{"include":[{"system":"urn:cs","filter":[{"property":"concept","op":"is-a","value":"a"}]},
              {"valueSet":["urn:other"]}],"exclude":[{"system":"urn:cs","concept":[{"code":"x"}]}]},
             "expansion":{"timestamp":"2019-01-01","total":2,"contains":[{"system":"urn:cs","abstract":true,"code":"a",
               "contains":[{"system":"urn:cs","code":"a1","display":"A one","inactive":true}]}]}}
            """;
        var vs = ConformanceJsonReader.ReadValueSet(Encoding.UTF8.GetBytes(json));
        Assert.Equal(new ValueSetFilterInfo("concept", "is-a", "a"), Assert.Single(vs.Compose!.Include[0].Filters));
        Assert.Equal(["urn:other"], vs.Compose.Include[1].ValueSets);
        Assert.Equal("x", Assert.Single(vs.Compose.Exclude[0].Concepts).Code);
        var a = Assert.Single(vs.Expansion!.Contains);
        Assert.True(a.Abstract);
        var a1 = Assert.Single(a.Contains);
        Assert.Equal(("a1", "A one", true, false), (a1.Code, a1.Display, a1.Inactive, a1.Abstract));
        var compact = ConformanceJsonWriter.Write(vs);
        Assert.Equal(compact, ConformanceJsonWriter.Write(ConformanceJsonReader.ReadValueSet(compact)));
    }

    [Fact]
    public void Missing_required_field_names_the_resource()
    {
        var e = Assert.Throws<DefinitionFormatException>(() =>
            ConformanceJsonReader.ReadStructureDefinition("""{"resourceType":"StructureDefinition","url":"urn:x","name":"X","type":"X"}"""u8, "x.json"));
        Assert.Contains("x.json", e.Message);
        Assert.Contains("has no kind", e.Message);
    }
}
