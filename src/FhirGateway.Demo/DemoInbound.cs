using System.Text.Json;
using System.Text.Json.Nodes;
using FhirGateway.Demo.Sandbox;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Inbound;

namespace FhirGateway.Demo;

/// <summary>
/// The demo's inbound step: what the sandbox partner's team recorded (one FVC result for a programme patient), and
/// where it reached the clinic: its feed position, the clinic patient it was matched to, its outbox file.
/// </summary>
public sealed record DemoInbound(string PartnerId, string Resource, string TraceKey, long? FeedSeq, string? Patient, string? OutboxFile)
{
    public bool Arrived => FeedSeq is not null && Patient is not null && OutboxFile is not null && File.Exists(OutboxFile);
}

/// <summary>Records one result at the sandbox partner as its neurology team would and waits for it in the gateway's feed and outbox.</summary>
internal static class DemoInboundStep
{
    public static async Task<DemoInbound?> RunAsync(SandboxFhirServer partner, string partnerId, HttpClient gateway, string outbox, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var patient = partner.All("Patient").Select(p => (string?)p["id"]).FirstOrDefault(id => id is not null);
        if (patient is null) return null;
        var recorded = partner.Record(new JsonObject
        {
            ["resourceType"] = "Observation",
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = $"https://fhir.{partnerId}.example/sid/result", ["value"] = "fvc-demo-1" }),
            ["status"] = "final",
            ["category"] = new JsonArray(new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = ClinicIg.Standard.ObservationCategory, ["code"] = "exam" }),
            }),
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = ClinicIg.Standard.Loinc, ["code"] = "19872-1", ["display"] = "FVC measured/predicted" }) },
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + patient },
            ["effectiveDateTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["valueQuantity"] = new JsonObject { ["value"] = 71, ["unit"] = "%", ["system"] = ClinicIg.Standard.Ucum, ["code"] = "%" },
        });
        var id = (string)recorded["id"]!;
        var resource = $"Observation/{id}/_history/{recorded["meta"]!["versionId"]}";
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await FindAsync(gateway, resource, cancellationToken) is { } item)
            {
                var file = Path.Combine(outbox, item.Outbox);
                while (!File.Exists(file) && DateTimeOffset.UtcNow < deadline) await Task.Delay(100, cancellationToken);
                return new DemoInbound(partnerId, resource, InboundLedger.RecordKey(partnerId, "Observation", id), item.Seq, item.Patient, file);
            }
            await Task.Delay(100, cancellationToken);
        }
        return new DemoInbound(partnerId, resource, InboundLedger.RecordKey(partnerId, "Observation", id), null, null, null);
    }

    /// <summary>The feed item of the resource, read through <c>GET /inbound</c> as the clinic would.</summary>
    private static async Task<(long Seq, string? Patient, string Outbox)?> FindAsync(HttpClient gateway, string resource, CancellationToken cancellationToken)
    {
        var since = "0";
        while (true)
        {
            using var doc = JsonDocument.Parse(await gateway.GetStringAsync($"/inbound?since={since}", cancellationToken));
            var items = doc.RootElement.GetProperty("items");
            foreach (var item in items.EnumerateArray())
                if (item.GetProperty("resource").GetString() == resource)
                    return (item.GetProperty("seq").GetInt64(), item.GetProperty("patient").GetString(), item.GetProperty("outbox").GetString()!);
            if (items.GetArrayLength() == 0) return null;
            since = doc.RootElement.GetProperty("next").GetString()!;
        }
    }
}
