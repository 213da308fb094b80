using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>Reads the gateway's <c>GET /inbound</c> feed page by page, and writes resources at a partner over plain FHIR REST.</summary>
public static class InboundFeed
{
    /// <summary>Every feed item from the start, following <c>next</c>.</summary>
    public static async Task<List<JsonObject>> ReadAllAsync(HttpClient gateway, int limit = 50)
    {
        var items = new List<JsonObject>();
        var since = "0";
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/inbound?since={since}&limit={limit}");
            request.Headers.Add("X-Api-Key", GatewayFixture.ApiKey);
            using var response = await gateway.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            var batch = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            items.AddRange(batch);
            if (batch.Count == 0) return items;
            since = (string)page["next"]!;
        }
    }

    /// <summary>Waits (30 s at most, real time) until the feed holds at least <paramref name="count"/> items.</summary>
    public static async Task<List<JsonObject>> WaitForAsync(HttpClient gateway, int count, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var items = await ReadAllAsync(gateway, 500);
            if (items.Count >= count) return items;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}: the feed holds {items.Count} of {count}");
            await Task.Delay(100);
        }
    }

    /// <summary>POST [base]/Type; returns the resource as the partner stored it.</summary>
    public static async Task<JsonObject> CreateAsync(HttpClient partner, JsonObject resource)
    {
        using var response = await partner.PostAsync((string)resource["resourceType"]!, new StringContent(resource.ToJsonString(), Encoding.UTF8, "application/fhir+json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"the partner answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>A partner's Patient carrying the clinic MRN (as the gateway delivers it).</summary>
    public static JsonObject Patient(string mrn) => new()
    {
        ["resourceType"] = "Patient",
        ["identifier"] = new JsonArray(new JsonObject { ["system"] = ClinicIg.Systems.Mrn, ["value"] = mrn }),
        ["name"] = new JsonArray(new JsonObject { ["family"] = "Test", ["given"] = new JsonArray("Pat") }),
    };

    /// <summary>An FVC result the partner's team records (its own identifier system, not the clinic's).</summary>
    public static JsonObject Observation(string patientReference, int n, string? identifierSystem = null) => new()
    {
        ["resourceType"] = "Observation",
        ["identifier"] = new JsonArray(new JsonObject { ["system"] = identifierSystem ?? "https://fhir.partner.example/sid/obs", ["value"] = $"obs-{n}" }),
        ["status"] = "final",
        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "19872-1", ["display"] = "FVC measured/predicted" }) },
        ["subject"] = new JsonObject { ["reference"] = patientReference },
        ["effectiveDateTime"] = "2026-12-01T10:00:00Z",
        ["valueQuantity"] = new JsonObject { ["value"] = 60 + n % 40, ["unit"] = "%", ["system"] = "http://unitsofmeasure.org", ["code"] = "%" },
    };
}
