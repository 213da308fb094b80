using System.Text;
using System.Text.Json.Nodes;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Runtime.Partners;

namespace FhirGateway.Runtime.Tests.Partners;

public sealed class CapabilityCheckTests
{
    /// <summary>A CapabilityStatement listing every type the mapping sends, with the given changes to some types.</summary>
    private static byte[] Statement(Action<string, JsonObject>? change = null)
    {
        var resources = new JsonArray(ConditionalRequests.ResourceTypes.Select(t =>
        {
            var r = new JsonObject
            {
                ["type"] = t,
                ["interaction"] = new JsonArray(new[] { "read", "create", "update", "search-type" }.Select(c => (JsonNode)new JsonObject { ["code"] = c }).ToArray()),
                ["conditionalCreate"] = true,
                ["conditionalUpdate"] = true,
            };
            change?.Invoke(t, r);
            return (JsonNode)r;
        }).ToArray());
        return Encoding.UTF8.GetBytes(new JsonObject
        {
            ["resourceType"] = "CapabilityStatement",
            ["fhirVersion"] = "4.0.1",
            ["format"] = new JsonArray("json"),
            ["rest"] = new JsonArray(new JsonObject { ["mode"] = "server", ["resource"] = resources, ["interaction"] = new JsonArray(new JsonObject { ["code"] = "transaction" }) }),
        }.ToJsonString());
    }

    private static JsonArray Params(params string[] codes) => new(codes.Select(c => (JsonNode)new JsonObject { ["name"] = c }).ToArray());

    [Fact]
    public void A_partner_with_every_type_conditional_is_sufficient_and_the_product_goes_by_tag()
    {
        var report = CapabilityCheck.Evaluate("p", 200, Statement(), null);

        Assert.True(report.Sufficient, string.Join("\n", report.Shortfalls));
        Assert.Contains(report.WorkedAround, w => w.StartsWith("BiologicallyDerivedProduct: R4 defines no identifier search", StringComparison.Ordinal) && w.Contains("_tag", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_type_of_the_mapping_blocks_delivery_and_is_named()
    {
        var bytes = Statement();
        var cs = JsonNode.Parse(bytes)!;
        var resources = cs["rest"]![0]!["resource"]!.AsArray();
        resources.Remove(resources.Single(r => (string?)r!["type"] == "MedicationStatement"));

        var report = CapabilityCheck.Evaluate("p", 200, Encoding.UTF8.GetBytes(cs.ToJsonString()), null);

        Assert.False(report.Sufficient);
        Assert.Contains(report.Shortfalls, s => s.StartsWith("MedicationStatement: not among its resource types", StringComparison.Ordinal));
    }

    [Fact]
    public void An_undeclared_identifier_search_is_worked_around_but_a_type_with_neither_tag_search_nor_update_create_blocks()
    {
        var report = CapabilityCheck.Evaluate("p", 200, Statement((t, r) =>
        {
            if (t == "Observation") r["searchParam"] = Params("code", "_tag");
            if (t == "BiologicallyDerivedProduct") r["searchParam"] = Params("status");
        }), null);

        Assert.Contains(report.WorkedAround, w => w.StartsWith("Observation: the partner declares no identifier search", StringComparison.Ordinal));
        Assert.Contains(report.Shortfalls, s => s.StartsWith("BiologicallyDerivedProduct: no '_tag' search parameter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_statement_that_lists_no_types_is_not_held_against_the_partner()
    {
        var cs = """{"resourceType":"CapabilityStatement","fhirVersion":"4.0.1","format":["json"],"rest":[{"mode":"server","interaction":[{"code":"transaction"}]}]}""";

        var report = CapabilityCheck.Evaluate("p", 200, Encoding.UTF8.GetBytes(cs), null);

        Assert.True(report.Sufficient);
        Assert.Contains(report.WorkedAround, w => w.Contains("lists no resource types", StringComparison.Ordinal));
    }
}
