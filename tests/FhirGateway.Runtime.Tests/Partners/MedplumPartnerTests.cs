using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FhirGateway.Testing.Partners;

namespace FhirGateway.Runtime.Tests.Partners;

/// <summary>The Medplum partner the delivery tests run against: it starts, answers FHIR, and keeps its stock limits.</summary>
public sealed class MedplumPartnerTests
{
    [MedplumFact]
    public async Task Starts_on_a_free_loopback_port_and_answers_its_CapabilityStatement()
    {
        await using var partner = await MedplumPartner.StartAsync();
        using var http = new HttpClient { BaseAddress = partner.BaseUrl };
        var statement = JsonNode.Parse(await http.GetStringAsync("metadata"))!;

        Assert.Equal("127.0.0.1", partner.BaseUrl.Host);
        Assert.Equal("CapabilityStatement", (string?)statement["resourceType"]);
        var patient = statement["rest"]![0]!["resource"]!.AsArray().Single(r => (string?)r!["type"] == "Patient")!;
        Assert.Contains(patient["searchParam"]!.AsArray(), p => (string?)p!["name"] == "identifier");
    }

    [MedplumFact]
    public async Task Refuses_a_conditional_transaction_above_its_stock_entry_limit_and_stores_nothing()
    {
        await using var partner = await MedplumPartner.StartAsync();
        using var http = new HttpClient { BaseAddress = partner.BaseUrl };
        var entries = new JsonArray(Enumerable.Range(1, 9).Select(i => (JsonNode)new JsonObject
        {
            ["fullUrl"] = $"urn:uuid:00000000-0000-4000-8000-00000000000{i}",
            ["resource"] = new JsonObject { ["resourceType"] = "Patient", ["identifier"] = new JsonArray(new JsonObject { ["system"] = "urn:test", ["value"] = $"p{i}" }) },
            ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "Patient", ["ifNoneExist"] = $"identifier=urn:test|p{i}" },
        }).ToArray());
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries };

        using var response = await http.PostAsync("", new StringContent(bundle.ToJsonString(), Encoding.UTF8, "application/fhir+json"));
        var search = JsonNode.Parse(await http.GetStringAsync("Patient?identifier=urn:test|p1"))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("too many entries", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (int?)search["total"]);
    }
}
