using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>
/// Subscriptions Backport (R4) notification Bundles as a partner's server sends them to a rest-hook endpoint: a
/// history Bundle, the SubscriptionStatus (Parameters) first, then the resources (full-resource) or their fullUrls only (id-only).
/// </summary>
public static class BackportNotifications
{
    public const string Topic = "http://example.org/SubscriptionTopic/neurology-results";

    public static JsonObject Build(string subscription, string type, long eventsSinceStart, IReadOnlyList<(long Number, JsonObject Resource)> events, bool idOnly = false)
    {
        var parameters = new JsonArray
        {
            new JsonObject { ["name"] = "subscription", ["valueReference"] = new JsonObject { ["reference"] = subscription } },
            new JsonObject { ["name"] = "topic", ["valueCanonical"] = Topic },
            new JsonObject { ["name"] = "status", ["valueCode"] = "active" },
            new JsonObject { ["name"] = "type", ["valueCode"] = type },
            new JsonObject { ["name"] = "events-since-subscription-start", ["valueString"] = eventsSinceStart.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        foreach (var (number, resource) in events)
            parameters.Add(new JsonObject
            {
                ["name"] = "notification-event",
                ["part"] = new JsonArray(
                    new JsonObject { ["name"] = "event-number", ["valueString"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    new JsonObject { ["name"] = "timestamp", ["valueInstant"] = "2026-12-04T10:00:00Z" },
                    new JsonObject { ["name"] = "focus", ["valueReference"] = new JsonObject { ["reference"] = $"{resource["resourceType"]}/{resource["id"]}" } }),
            });
        var entries = new JsonArray
        {
            new JsonObject
            {
                ["fullUrl"] = "urn:uuid:" + Guid.NewGuid(),
                ["resource"] = new JsonObject
                {
                    ["resourceType"] = "Parameters",
                    ["meta"] = new JsonObject { ["profile"] = new JsonArray("http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4") },
                    ["parameter"] = parameters,
                },
                ["request"] = new JsonObject { ["method"] = "GET", ["url"] = $"{subscription}/$status" },
                ["response"] = new JsonObject { ["status"] = "200" },
            },
        };
        foreach (var (_, resource) in events)
        {
            var entry = new JsonObject { ["fullUrl"] = $"http://partner.example/fhir/{resource["resourceType"]}/{resource["id"]}" };
            if (!idOnly) entry["resource"] = resource.DeepClone();
            entry["request"] = new JsonObject { ["method"] = "POST", ["url"] = (string)resource["resourceType"]! };
            entry["response"] = new JsonObject { ["status"] = "201" };
            entries.Add(entry);
        }
        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "history", ["timestamp"] = "2026-12-04T10:00:00Z", ["entry"] = entries };
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient gateway, string partnerId, JsonObject bundle, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/inbound/notifications/{partnerId}")
        {
            Content = new StringContent(bundle.ToJsonString(), Encoding.UTF8, "application/fhir+json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await gateway.SendAsync(request);
    }
}
