using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Syntax;

namespace FhirGateway.FhirPath.Tests.Evaluation;

public sealed class OptionsTests
{
    private static readonly ElementNode Patient = TestData.Parse("""{"resourceType":"Patient","name":[{"family":"A"},{"family":"B"}]}""");

    [Fact]
    public void As_filters_collections_by_default_as_r4_invariants_need()
    {
        Assert.Equal(["A", "B"], TestData.Texts(TestData.Eval("name.as(HumanName).family", Patient)));
        Assert.Equal(["A", "B"], TestData.Texts(TestData.Eval("(name as HumanName).family", Patient)));
    }

    [Fact]
    public void EnforceAsSingleton_makes_as_on_several_items_an_error()
    {
        var strict = new FhirPathCompiler(StructureTypeModel.R4Core, new FhirPathOptions { EnforceAsSingleton = true });
        Assert.Throws<FhirPathEvaluationException>(() => strict.Compile("name.as(HumanName).family").Evaluate(Patient));
        Assert.Throws<FhirPathEvaluationException>(() => strict.Compile("(name as HumanName).family").Evaluate(Patient));
        Assert.Single(strict.Compile("name.first().as(HumanName)").Evaluate(Patient));
    }

    [Fact]
    public void Compiled_expressions_are_cached_by_text_and_context()
    {
        var compiler = new FhirPathCompiler(StructureTypeModel.R4Core);
        var a = compiler.Compile("name.family");
        Assert.Same(a, compiler.Compile("name.family"));
        Assert.NotSame(a, compiler.Compile("name.family", "Patient"));
        Assert.Equal(2, compiler.CacheCount);
    }
}
