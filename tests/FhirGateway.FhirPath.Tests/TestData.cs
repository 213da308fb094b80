using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Tests;

/// <summary>Shared helpers: R4 JSON into element trees, one compiler over R4 core, and evaluation in one call.</summary>
internal static class TestData
{
    private static readonly Lazy<FhirJsonParser> Parser = new(() => new FhirJsonParser(StructureTypeModel.R4Core));

    public static FhirPathCompiler Compiler { get; } = new(StructureTypeModel.R4Core);

    public static ElementNode Parse(string json)
    {
        var result = Parser.Value.Parse(json);
        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        return result.Root!;
    }

    public static IReadOnlyList<object> Eval(string expression, ElementNode? input, FhirPathEnvironment? environment = null) =>
        Compiler.Compile(expression).Evaluate(input, environment);

    /// <summary>The items as text: primitives by value, System values by their string form, other nodes by location.</summary>
    public static string[] Texts(IReadOnlyList<object> items) =>
        items.Select(i => i is ElementNode n ? n.Text ?? n.Location : Items.Format(i)).ToArray();
}
