using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Functions;
using FhirGateway.FhirPath.Syntax;

namespace FhirGateway.FhirPath.Tests.Evaluation;

public sealed class StaticCheckTests
{
    private static FhirPathCompileException Rejects(string expression, string? context = null, FhirPathOptions? options = null)
    {
        var compiler = new FhirPathCompiler(StructureTypeModel.R4Core, options);
        var error = Assert.Throws<FhirPathCompileException>(() => compiler.Compile(expression, context));
        Assert.Equal(FhirPathErrorKind.Semantic, error.Kind);
        return error;
    }

    private static void Accepts(string expression, string? context = null, FhirPathOptions? options = null) =>
        new FhirPathCompiler(StructureTypeModel.R4Core, options).Compile(expression, context);

    [Fact]
    public void Unknown_function_is_a_semantic_error_at_its_position()
    {
        var error = Rejects("name.given.frobnicate()");
        Assert.Equal(12, error.Position.Column);
        Assert.Contains("frobnicate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("substring()", "1 to 2")]
    [InlineData("'a'.startsWith('a', 'b')", "1")]
    [InlineData("iif(true)", "2 to 3")]
    [InlineData("sort(1,2).empty(1)", "0")]
    public void Wrong_arity_names_what_the_table_declares(string expression, string arity)
    {
        Assert.Contains($"takes {arity} argument", Rejects(expression).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'abc'.substring('1')", 17)]
    [InlineData("'abc'.startsWith(1)", 18)]
    [InlineData("(1 | 2).skip('x')", 14)]
    [InlineData("16.log('2')", 8)]
    [InlineData("iif('x', 1, 2)", 5)]
    public void A_literal_argument_of_the_wrong_kind_is_rejected_at_the_argument(string expression, int column)
    {
        Assert.Equal(column, Rejects(expression).Position.Column);
    }

    [Theory]
    [InlineData("1.startsWith('a')", null)]
    [InlineData("'a'.round()", null)]
    [InlineData("identifier.startsWith('x')", "Patient")]
    [InlineData("name.given.first().length() + name.length()", "Patient")]
    [InlineData("@2020-01-01 + 7", null)]
    [InlineData("Observation.valueQuantity.unit", "Observation")]
    [InlineData("(Observation.value as Period).unit", "Observation")]
    [InlineData("name.given1", "Patient")]
    public void Statically_wrong_types_are_semantic_errors(string expression, string? context)
    {
        Rejects(expression, context);
    }

    [Theory]
    [InlineData("gender.startsWith('f')", "Patient")]
    [InlineData("id.length() > 2", "Patient")]
    [InlineData("name.where(given.exists()).given.first().upper()", "Patient")]
    [InlineData("telecom.value.matches('@')", "Patient")]
    [InlineData("(1 | 2.5).round()", null)]
    [InlineData("birthDate + 1 year", "Patient")]
    [InlineData("where(true).select('a').first().substring(0)", null)]
    [InlineData("Observation.value.as(Quantity).value.round(1)", "Observation")]
    [InlineData("descendants().skip(1)", null)]
    public void Well_typed_expressions_compile(string expression, string? context)
    {
        Accepts(expression, context);
    }

    [Theory]
    [InlineData("Patient.children().skip(1)")]
    [InlineData("descendants().first()")]
    [InlineData("children().where(true).name.last()")]
    [InlineData("children()[0]")]
    public void Ordered_functions_on_unordered_collections_are_rejected_when_asked(string expression)
    {
        Accepts(expression, "Patient");
        Rejects(expression, "Patient", new FhirPathOptions { CheckOrderedFunctions = true });
    }

    [Theory]
    [InlineData("children().sort().first()")]
    [InlineData("children().count()")]
    [InlineData("name.first()")]
    public void Order_checking_allows_ordered_collections(string expression)
    {
        Accepts(expression, "Patient", new FhirPathOptions { CheckOrderedFunctions = true });
    }

    [Fact]
    public void Every_function_of_the_table_declares_a_signature_the_checks_can_read()
    {
        foreach (var name in FunctionTable.Names)
        {
            var def = FunctionTable.Find(name)!;
            Assert.True(def.MinArgs <= def.MaxArgs, name);
            Assert.True(def.Result != ResultKind.System || def.ResultType is not null, name);
            for (var i = 0; i < Math.Min(def.MaxArgs, 4); i++) Assert.True(Enum.IsDefined(def.KindOf(i)), name);
        }
        Assert.Equal(ParamKind.Criterion, FunctionTable.Find("where")!.KindOf(0));
        Assert.True(FunctionTable.Find("first")!.DependsOnOrder);
        Assert.Equal(InputKind.String, FunctionTable.Find("substring")!.Input);
    }
}
