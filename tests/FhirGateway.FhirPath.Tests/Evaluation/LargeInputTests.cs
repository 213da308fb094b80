using FhirGateway.Fhir.Model;

namespace FhirGateway.FhirPath.Tests.Evaluation;

/// <summary>Behaviour that must not change with the size of the input (the validator evaluates invariants on Bundles of thousands of entries).</summary>
public sealed class LargeInputTests
{
    private static ElementNode Bundle(int entries, Func<int, string> fullUrl) => TestData.Parse(
        $$"""{ "resourceType": "Bundle", "type": "collection", "entry": [ {{string.Join(",", Enumerable.Range(0, entries).Select(i =>
            $$"""{ "fullUrl": "{{fullUrl(i)}}", "resource": { "resourceType": "Basic", "code": { "text": "x" } } }"""))}} ] }""");

    [Fact]
    public void IsDistinct_on_many_strings_finds_a_repeat_and_its_absence()
    {
        var distinct = Bundle(500, i => $"urn:uuid:00000000-0000-4000-8000-{i:D12}");
        var repeated = Bundle(500, i => $"urn:uuid:00000000-0000-4000-8000-{i % 499:D12}");
        Assert.Equal([true], TestData.Eval("entry.fullUrl.isDistinct()", distinct));
        Assert.Equal([false], TestData.Eval("entry.fullUrl.isDistinct()", repeated));
        Assert.Equal(["499"], TestData.Texts(TestData.Eval("entry.fullUrl.distinct().count()", repeated)));
    }

    [Fact]
    public void Navigation_from_a_node_with_many_children_keeps_document_order()
    {
        var bundle = Bundle(300, i => $"urn:uuid:00000000-0000-4000-8000-{i:D12}");
        Assert.Equal(["collection"], TestData.Texts(TestData.Eval("%resource.type", bundle)));
        var urls = TestData.Texts(TestData.Eval("entry.fullUrl", bundle));
        Assert.Equal(300, urls.Length);
        Assert.Equal("urn:uuid:00000000-0000-4000-8000-000000000299", urls[^1]);
    }

    [Fact]
    public void Positive_and_unsigned_integers_compare_as_integers()
    {
        var definition = TestData.Parse("""{ "resourceType": "StructureDefinition", "url": "http://x", "name": "X", "status": "draft", "kind": "resource", "abstract": false, "type": "Patient", "differential": { "element": [ { "path": "Patient", "min": 1, "max": "2" } ] } }""");
        Assert.Equal([true], TestData.Eval("differential.element.all(min <= max.toInteger())", definition));
    }
}
