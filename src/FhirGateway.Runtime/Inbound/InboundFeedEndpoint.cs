using System.Buffers;
using System.Globalization;
using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Inbound;

/// <summary>
/// <c>GET /inbound?since=N&amp;limit=M</c> (same authentication as <c>/records</c>): the updates taken in from partners
/// after feed position N (0 or none: from the start), oldest first, at most M (default and maximum
/// <c>Inbound:FeedPageSize</c>). The answer is <c>{"items": […], "next": "K"}</c>: ask again with <c>since=K</c>; an
/// empty page keeps K. Each item: <c>seq</c>, <c>partner</c>, <c>resource</c> (the partner's <c>Type/id/_history/v</c>),
/// <c>resourceType</c>, <c>id</c>, <c>versionId</c>, <c>lastUpdated</c>, <c>receivedAt</c>, <c>via</c>, <c>patient</c> (the clinic
/// patient id, null when unmatched), <c>valid</c> (R4 core), <c>flags</c> (<c>invalid</c>, <c>unmatched-patient</c>),
/// <c>outbox</c> (the file, relative to the outbox), <c>outcome</c> (the OperationOutcome, or null) and <c>content</c> (the resource).
/// </summary>
public static class InboundFeedEndpoint
{
    public static async Task<IResult> GetAsync(string? since, int? limit, IInboundStore store, IOptions<GatewayOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        long position = 0;
        if (!string.IsNullOrEmpty(since) && (!long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out position)))
            return Results.Text(OperationOutcomeWriter.ToJson([IssueCatalogue.GatewayInboundBadCursor.At("since", since)]), "application/fhir+json",
                System.Text.Encoding.UTF8, StatusCodes.Status400BadRequest);
        var max = options.Value.Inbound.FeedPageSize;
        var items = await store.ReadInboundAsync(position, Math.Clamp(limit ?? max, 1, max), cancellationToken);
        return Results.Bytes(Write(items, items.Count == 0 ? position : items[^1].Seq), "application/json");
    }

    public static byte[] Write(IReadOnlyList<StoredInboundItem> items, long next)
    {
        ArgumentNullException.ThrowIfNull(items);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var stored in items) WriteItem(w, stored);
            w.WriteEndArray();
            w.WriteString("next", next.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteItem(Utf8JsonWriter w, StoredInboundItem stored)
    {
        var item = stored.Item;
        w.WriteStartObject();
        w.WriteNumber("seq", stored.Seq);
        w.WriteString("partner", item.PartnerId);
        w.WriteString("resource", item.Location);
        w.WriteString("resourceType", item.ResourceType);
        w.WriteString("id", item.ResourceId);
        w.WriteString("versionId", item.VersionId);
        if (item.LastUpdated is { } lu) w.WriteString("lastUpdated", lu);
        else w.WriteNull("lastUpdated");
        w.WriteString("receivedAt", stored.ReceivedAt);
        w.WriteString("via", item.Via);
        if (item.PatientId is { } patient) w.WriteString("patient", patient);
        else w.WriteNull("patient");
        w.WriteBoolean("valid", item.Valid);
        w.WriteStartArray("flags");
        if (!item.Valid) w.WriteStringValue("invalid");
        if (item.PatientId is null) w.WriteStringValue("unmatched-patient");
        w.WriteEndArray();
        w.WriteString("outbox", stored.OutboxFile);
        w.WritePropertyName("outcome");
        if (item.OperationOutcome is { } outcome) w.WriteRawValue(outcome);
        else w.WriteNullValue();
        w.WritePropertyName("content");
        w.WriteRawValue(item.Json.Span);
        w.WriteEndObject();
    }
}
