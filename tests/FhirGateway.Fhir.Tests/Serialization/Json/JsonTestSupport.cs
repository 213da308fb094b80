using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Fhir.Tests.Serialization.Json;

internal static class JsonTestSupport
{
    public static readonly FhirJsonParser Parser = new(FakeTypeModel.Instance);

    public static JsonParseResult Parse(string json) => Parser.Parse(json, "t.json");

    /// <summary>Parses JSON that must read cleanly and returns its root.</summary>
    public static ElementNode ParseClean(string json)
    {
        var result = Parse(json);
        Assert.True(result.Issues.Count == 0, string.Join(Environment.NewLine, result.Issues));
        return Assert.IsType<ElementNode>(result.Root);
    }

    /// <summary>The one issue a parse reported.</summary>
    public static Issue SingleIssue(string json)
    {
        var result = Parse(json);
        Assert.True(result.Issues.Count == 1, $"expected one issue, got {result.Issues.Count}:{Environment.NewLine}{string.Join(Environment.NewLine, result.Issues)}");
        return result.Issues[0];
    }

    public static ElementNode At(ElementNode node, params string[] jsonNames)
    {
        foreach (var step in jsonNames)
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? step : step[..bracket];
            var index = bracket < 0 ? 0 : int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            node = node.Children.Where(c => c.JsonName == name).ElementAt(index);
        }
        return node;
    }
}
