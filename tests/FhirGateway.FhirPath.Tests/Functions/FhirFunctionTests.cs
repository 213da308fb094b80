using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Syntax;

namespace FhirGateway.FhirPath.Tests.Functions;

public sealed class FhirFunctionTests
{
    private static readonly ElementNode Patient = TestData.Parse("""
        {"resourceType":"Patient","id":"p1",
         "contained":[{"resourceType":"Organization","id":"org1","name":"Clinic"}],
         "extension":[{"url":"http://example.org/a","valueString":"A"},{"url":"http://example.org/b","valueCode":"B"}],
         "birthDate":"1970-01-01","_birthDate":{"extension":[{"url":"http://example.org/t","valueTime":"10:00:00"}]},
         "name":[{"given":["Ann"],"_given":[{"extension":[{"url":"http://example.org/g","valueBoolean":true}]}]},
                 {"_family":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"unknown"}]}}],
         "managingOrganization":{"reference":"#org1"}}
        """);

    [Fact]
    public void Extension_selects_extensions_by_url()
    {
        Assert.Equal(["A"], TestData.Texts(TestData.Eval("extension('http://example.org/a').value", Patient)));
        Assert.Empty(TestData.Eval("extension('http://example.org/none')", Patient));
    }

    [Fact]
    public void Extension_works_on_primitives_and_ext_variables()
    {
        Assert.Equal(["10:00:00"], TestData.Texts(TestData.Eval("birthDate.extension('http://example.org/t').value", Patient)));
        Assert.Equal(["unknown"], TestData.Texts(TestData.Eval("name[1].family.extension(%`ext-data-absent-reason`).value", Patient)));
    }

    [Fact]
    public void HasValue_is_false_for_a_primitive_with_only_extensions()
    {
        Assert.Equal([true], TestData.Eval("birthDate.hasValue()", Patient));
        Assert.Equal([false], TestData.Eval("name[1].family.hasValue()", Patient));
        Assert.Equal([false], TestData.Eval("name.hasValue()", Patient));
    }

    [Fact]
    public void GetValue_gives_the_system_value_of_a_primitive()
    {
        var value = Assert.Single(TestData.Eval("birthDate.getValue()", Patient));
        Assert.IsType<Values.PartialDate>(value);
        Assert.Empty(TestData.Eval("name[1].family.getValue()", Patient));
    }

    [Fact]
    public void Resolve_finds_a_contained_resource()
    {
        Assert.Equal(["Clinic"], TestData.Texts(TestData.Eval("managingOrganization.resolve().name", Patient)));
    }

    [Fact]
    public void Resolve_finds_bundle_entries_by_urn_uuid_and_by_type_and_id()
    {
        var bundle = TestData.Parse("""
            {"resourceType":"Bundle","type":"transaction","entry":[
              {"fullUrl":"urn:uuid:11111111-1111-1111-1111-111111111111","resource":{"resourceType":"Patient","id":"a","active":true}},
              {"fullUrl":"http://example.org/fhir/Practitioner/dr","resource":{"resourceType":"Practitioner","id":"dr","active":false}},
              {"fullUrl":"urn:uuid:22222222-2222-2222-2222-222222222222","resource":{"resourceType":"Observation","status":"final","code":{"text":"x"},
                "subject":{"reference":"urn:uuid:11111111-1111-1111-1111-111111111111"},"performer":[{"reference":"Practitioner/dr"}]}}]}
            """);
        Assert.Equal(["true"], TestData.Texts(TestData.Eval("entry[2].resource.subject.resolve().active", bundle)));
        Assert.Equal(["false"], TestData.Texts(TestData.Eval("entry[2].resource.performer.resolve().active", bundle)));
    }

    [Fact]
    public void Resolve_asks_the_callers_resolver_for_other_references()
    {
        var target = TestData.Parse("""{"resourceType":"Organization","id":"x","name":"Partner"}""");
        var observation = TestData.Parse("""{"resourceType":"Observation","status":"final","code":{"text":"x"},"performer":[{"reference":"Organization/x"},{"reference":"Organization/y"}]}""");
        var environment = new FhirPathEnvironment { Resolver = r => r == "Organization/x" ? target : null };
        Assert.Equal(["Partner"], TestData.Texts(TestData.Eval("performer.resolve().name", observation, environment)));
        Assert.Empty(TestData.Eval("performer.resolve()", observation));
    }

    [Fact]
    public void Trace_hands_the_collection_to_the_sink_and_returns_its_input()
    {
        var traced = new List<(string, int)>();
        var environment = new FhirPathEnvironment { Trace = (name, items) => traced.Add((name, items.Count)) };
        Assert.Equal(["Ann"], TestData.Texts(TestData.Eval("name.trace('names', given).given", Patient, environment)));
        Assert.Equal([("names", 1)], traced);
    }

    [Fact]
    public void MemberOf_asks_the_terminology_delegate_and_is_empty_without_one()
    {
        var environment = new FhirPathEnvironment { Terminology = (item, url) => url == "http://example.org/vs" ? Items.AsString(item) == "B" : null };
        Assert.Equal([true], TestData.Eval("extension.value.ofType(code).memberOf('http://example.org/vs')", Patient, environment));
        Assert.Empty(TestData.Eval("extension.value.ofType(code).memberOf('http://example.org/other')", Patient, environment));
        Assert.Empty(TestData.Eval("extension.value.ofType(code).memberOf('http://example.org/vs')", Patient));
    }

    [Fact]
    public void Subsumes_asks_the_subsumption_delegate_in_both_directions()
    {
        var environment = new FhirPathEnvironment { Subsumption = (general, specific) => Items.AsString(general) == "B" && Items.AsString(specific) == "C" };
        Assert.Equal([true], TestData.Eval("extension.value.ofType(code).subsumes('C')", Patient, environment));
        Assert.Equal([false], TestData.Eval("extension.value.ofType(code).subsumedBy('C')", Patient, environment));
    }

    [Fact]
    public void ConformsTo_without_a_checker_is_an_evaluation_error()
    {
        var error = Assert.Throws<FhirPathEvaluationException>(() => TestData.Eval("conformsTo('http://hl7.org/fhir/StructureDefinition/Patient')", Patient));
        Assert.Contains("conformance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ElementDefinition_gives_the_base_definition_as_a_navigable_element()
    {
        Assert.Equal(["Patient.birthDate"], TestData.Texts(TestData.Eval("birthDate.elementDefinition().path", Patient)));
        Assert.Equal(["date"], TestData.Texts(TestData.Eval("birthDate.elementDefinition().type.code", Patient)));
    }

    [Fact]
    public void ElementDefinition_asks_the_provider_when_there_is_one()
    {
        var profiled = new FhirGateway.Fhir.Definitions.ElementDefinitionInfo { Path = "Patient.birthDate", Id = "Patient.birthDate", Min = 1, Max = "1" };
        var environment = new FhirPathEnvironment { ElementDefinitions = n => n.Name == "birthDate" ? profiled : null };
        Assert.Equal(["1"], TestData.Texts(TestData.Eval("birthDate.elementDefinition().min", Patient, environment)));
        Assert.Empty(TestData.Eval("active.elementDefinition()", Patient, environment));
    }

    [Fact]
    public void Slice_keeps_the_items_the_matcher_accepts_and_needs_a_matcher()
    {
        const string structure = "http://example.org/StructureDefinition/p";
        var environment = new FhirPathEnvironment
        {
            Slices = (node, url, name) => url == structure && name == "a" ? node.Child("url")?.Text == "http://example.org/a" : null,
        };
        Assert.Equal(["A"], TestData.Texts(TestData.Eval($"extension.slice('{structure}', 'a').value", Patient, environment)));
        Assert.Throws<FhirPathEvaluationException>(() => TestData.Eval($"extension.slice('{structure}', 'zz')", Patient, environment));
        Assert.Throws<FhirPathEvaluationException>(() => TestData.Eval($"extension.slice('{structure}', 'a')", Patient));
    }

    [Fact]
    public void CheckModifiers_accepts_listed_modifier_extensions_and_rejects_others()
    {
        var withModifier = TestData.Parse("""{"resourceType":"Patient","modifierExtension":[{"url":"http://example.org/m1","valueBoolean":true}]}""");
        Assert.Single(TestData.Eval("checkModifiers('http://example.org/m0,http://example.org/m1')", withModifier));
        Assert.Single(TestData.Eval("checkModifiers('http://example.org/m1' | 'http://example.org/m2')", withModifier));
        var error = Assert.Throws<FhirPathEvaluationException>(() => TestData.Eval("checkModifiers('http://example.org/m2')", withModifier));
        Assert.Contains("http://example.org/m1", error.Message, StringComparison.Ordinal);
        Assert.Single(TestData.Eval("checkModifiers('http://example.org/m2')", Patient));
    }

    [Theory]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Fine <b>text</b> <a href=\"#x\">link</a></p><img src=\"#pic\" alt=\"x\"/></div>", true)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></div>", false)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p onclick=\"x()\">a</p></div>", false)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><form/></div>", false)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><iframe src=\"x\"/></div>", false)]
    [InlineData("<div>no namespace</div>", false)]
    [InlineData("<p xmlns=\"http://www.w3.org/1999/xhtml\">not a div</p>", false)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>unclosed</div>", false)]
    public void HtmlChecks_allows_only_the_narrative_subset_of_xhtml(string div, bool safe)
    {
        var json = "{\"resourceType\":\"Patient\",\"text\":{\"status\":\"generated\",\"div\":" + System.Text.Json.JsonSerializer.Serialize(div) + "}}";
        var patient = TestData.Parse(json);
        Assert.Equal([safe], TestData.Eval("text.div.htmlChecks()", patient));
    }

    [Fact]
    public void Environment_variables_give_resource_root_resource_context_and_constants()
    {
        var organization = Patient.Child("contained")!;
        var name = organization.Child("name")!;
        Assert.Equal(["Organization"], TestData.Eval("%resource", name).Cast<ElementNode>().Select(n => n.InstanceType));
        Assert.Equal(["Patient"], TestData.Eval("%rootResource", name).Cast<ElementNode>().Select(n => n.InstanceType));
        Assert.Equal(["Clinic"], TestData.Texts(TestData.Eval("%context", name)));
        Assert.Equal(["http://unitsofmeasure.org", "http://snomed.info/sct", "http://loinc.org", "http://hl7.org/fhir/ValueSet/administrative-gender"],
            TestData.Texts(TestData.Eval("%ucum | %sct | %loinc | %`vs-administrative-gender`", null)));
    }

    [Fact]
    public void Caller_variables_are_collections_and_an_unknown_one_is_an_error_with_position()
    {
        var environment = new FhirPathEnvironment { Variables = new Dictionary<string, IReadOnlyList<object>> { ["limit"] = [2, 3] } };
        Assert.Equal(["2", "3"], TestData.Texts(TestData.Eval("%limit", null, environment)));
        var error = Assert.Throws<FhirPathEvaluationException>(() => TestData.Eval("1 + %nope", null));
        Assert.Equal(5, error.Position.Column);
    }

    [Fact]
    public void Iif_evaluates_its_criterion_on_an_empty_focus_not_on_the_outer_context()
    {
        // R4 ctm-1: onBehalfOf.exists() implies (member.resolve().iif(empty(), true, ofType(Practitioner).exists()))
        Assert.Equal([true], TestData.Eval("managingOrganization.where(false).iif(empty(), true, false)", Patient));
        Assert.Equal([true], TestData.Eval("name[0].given.where(false).resolve().iif(empty(), true, ofType(Practitioner).exists())", Patient));
        Assert.Equal([false], TestData.Eval("managingOrganization.iif(empty(), true, false)", Patient));
        Assert.Equal(["Clinic"], TestData.Texts(TestData.Eval("managingOrganization.resolve().iif(empty(), 'none', name)", Patient)));
    }
}
