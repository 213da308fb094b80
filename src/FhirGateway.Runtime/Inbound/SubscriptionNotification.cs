using System.Globalization;
using System.Text.Json;

namespace FhirGateway.Runtime.Inbound;

/// <summary>One <c>notification-event</c> of a SubscriptionStatus: its number and the focus it names (a reference), if any.</summary>
public sealed record NotificationEvent(long Number, string? Focus);

/// <summary>
/// A Subscriptions Backport (R4) notification: a <c>history</c> Bundle whose first entry is the SubscriptionStatus
/// (a Parameters resource: <c>subscription</c>, <c>type</c> handshake/heartbeat/event-notification/query-status/query-event,
/// <c>events-since-subscription-start</c>, <c>notification-event</c> parts with <c>event-number</c> and <c>focus</c>) and
/// whose other entries carry the resources (full-resource) or only their fullUrl (id-only). Disposing frees the JSON.
/// </summary>
public sealed class SubscriptionNotification : IDisposable
{
    private readonly JsonDocument _document;

    private SubscriptionNotification(JsonDocument document) => _document = document;

    public string Subscription { get; private init; } = "";
    public string Type { get; private init; } = "";
    public long? EventsSinceStart { get; private init; }
    public IReadOnlyList<NotificationEvent> Events { get; private init; } = [];
    /// <summary>The resources the notification carries (full-resource payload).</summary>
    public IReadOnlyList<JsonElement> Resources { get; private init; } = [];
    /// <summary>What the notification names without carrying it (id-only payload, or a focus of no entry): to read from the partner.</summary>
    public IReadOnlyList<string> Missing { get; private init; } = [];

    public bool IsEventNotification => Type is "event-notification" or "query-event";

    /// <summary>Reads a notification; null with the reason when it is not one.</summary>
    public static SubscriptionNotification? Read(ReadOnlyMemory<byte> body, out string? problem)
    {
        problem = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            problem = "not JSON: " + e.Message;
            return null;
        }
        var result = Read(document, out problem);
        if (result is null) document.Dispose();
        return result;
    }

    private static SubscriptionNotification? Read(JsonDocument document, out string? problem)
    {
        problem = null;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || Text(root, "resourceType") != "Bundle") return Fail("it is not a Bundle", out problem);
        if (Text(root, "type") != "history") return Fail($"Bundle.type is '{Text(root, "type")}', not history", out problem);
        var entries = root.TryGetProperty("entry", out var e) && e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToList() : [];
        if (entries.Count == 0 || !entries[0].TryGetProperty("resource", out var status) || Text(status, "resourceType") != "Parameters")
            return Fail("Bundle.entry[0] is not a SubscriptionStatus (Parameters)", out problem);
        var parameters = Parts(status);
        var subscription = parameters.Where(p => p.Name == "subscription").Select(p => Reference(p.Element) ?? Text(p.Element, "valueString")).FirstOrDefault();
        var type = parameters.Where(p => p.Name == "type").Select(p => Text(p.Element, "valueCode")).FirstOrDefault();
        if (subscription is null) return Fail("the SubscriptionStatus names no subscription", out problem);
        if (type is not ("handshake" or "heartbeat" or "event-notification" or "query-status" or "query-event"))
            return Fail($"the SubscriptionStatus type '{type}' is not a notification type", out problem);
        var events = new List<NotificationEvent>();
        foreach (var (_, element) in parameters.Where(p => p.Name == "notification-event"))
        {
            var parts = Parts(element);
            var number = parts.Where(p => p.Name == "event-number").Select(p => Number(p.Element)).FirstOrDefault(n => n is not null);
            if (number is null) return Fail("a notification-event has no event-number", out problem);
            events.Add(new NotificationEvent(number.Value, parts.Where(p => p.Name == "focus").Select(p => Reference(p.Element)).FirstOrDefault()));
        }
        var resources = new List<JsonElement>();
        var missing = new List<string>();
        foreach (var entry in entries.Skip(1))
        {
            if (entry.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object) resources.Add(resource);
            else if (Text(entry, "fullUrl") is { } url) missing.Add(url);
        }
        foreach (var focus in events.Select(ev => ev.Focus).OfType<string>())
            if (!missing.Contains(focus) && !resources.Any(r => Names(r, focus))) missing.Add(focus);
        return new SubscriptionNotification(document)
        {
            Subscription = subscription,
            Type = type,
            EventsSinceStart = parameters.Where(p => p.Name == "events-since-subscription-start").Select(p => Number(p.Element)).FirstOrDefault(n => n is not null),
            Events = events,
            Resources = resources,
            Missing = missing,
        };
    }

    /// <summary>True when a focus reference (relative or absolute) names this resource.</summary>
    private static bool Names(JsonElement resource, string focus) =>
        ResourceLocation.TryParse(focus, out var type, out var id, out _) && Text(resource, "resourceType") == type && Text(resource, "id") == id;

    private static List<(string Name, JsonElement Element)> Parts(JsonElement element)
    {
        var list = element.TryGetProperty("parameter", out var p) ? p : element.TryGetProperty("part", out var q) ? q : default;
        return list.ValueKind != JsonValueKind.Array ? [] : list.EnumerateArray()
            .Where(x => x.ValueKind == JsonValueKind.Object && Text(x, "name") is not null).Select(x => (Text(x, "name")!, x)).ToList();
    }

    private static string? Reference(JsonElement parameter) =>
        parameter.TryGetProperty("valueReference", out var r) && r.ValueKind == JsonValueKind.Object ? Text(r, "reference") : null;

    /// <summary>An event count: valueString in the R4 backport, an integer type in later forms.</summary>
    private static long? Number(JsonElement parameter)
    {
        foreach (var name in new[] { "valueString", "valueInteger64", "valueInteger", "valueUnsignedInt", "valuePositiveInt", "valueDecimal" })
        {
            if (!parameter.TryGetProperty(name, out var v)) continue;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
            if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s)) return s;
        }
        return null;
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static SubscriptionNotification? Fail(string reason, out string? problem)
    {
        problem = reason;
        return null;
    }

    public void Dispose() => _document.Dispose();
}
