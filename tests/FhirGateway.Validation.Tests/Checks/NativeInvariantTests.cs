using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath;
using FhirGateway.Validation.Checks;

namespace FhirGateway.Validation.Tests.Checks;

public sealed class NativeInvariantTests
{
    private static readonly FhirPathCompiler Compiler = new(StructureTypeModel.R4Core);

    [Theory]
    [InlineData("ele-1", "hasValue() or (children().count() > id.count())")]
    [InlineData("ext-1", "extension.exists() != value.exists()")]
    public void The_native_form_agrees_with_the_published_fhirpath_on_every_element(string key, string expression)
    {
        var native = NativeInvariants.For(key, expression);
        Assert.NotNull(native);
        var compiled = Compiler.Compile(expression);
        var parser = new Fhir.Serialization.Json.FhirJsonParser(StructureTypeModel.R4Core);
        var root = parser.Parse("""
            { "resourceType": "Patient", "id": "p", "_birthDate": { "id": "only-id" }, "_gender": { "extension": [ { "url": "http://x.org/e", "valueString": "v" } ] },
              "extension": [ { "url": "http://x.org/a", "valueString": "v" }, { "url": "http://x.org/b", "extension": [ { "url": "c", "valueCode": "d" } ] },
                             { "url": "http://x.org/both", "valueString": "v", "extension": [ { "url": "c", "valueCode": "d" } ] }, { "url": "http://x.org/none" } ],
              "name": [ { "given": [ "A" ] }, { "id": "name-id-only" } ], "active": true }
            """).Root!;
        var nodes = new List<ElementNode>();
        void Walk(ElementNode n) { nodes.Add(n); foreach (var c in n.Children) Walk(c); }
        Walk(root);
        foreach (var node in nodes)
            Assert.True(native(node) == (compiled.Predicate(node) ?? true), $"{key} differs at {node.Location}");
        Assert.Contains(nodes, n => !native(n));
    }

    [Fact]
    public void Other_wordings_are_left_to_fhirpath() => Assert.Null(NativeInvariants.For("ele-1", "hasValue() or children().exists()"));
}
