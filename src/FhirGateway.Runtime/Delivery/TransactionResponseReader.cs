using System.Globalization;
using System.Text.Json;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Runtime.Delivery;

/// <summary>One entry of a transaction-response Bundle: the HTTP status (code and text), the location (<c>Type/id/_history/v</c>) and an OperationOutcome if any.</summary>
public sealed record EntryResponse(int Status, string StatusText, string? Location, string? Outcome)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>Reads a partner's answer: a transaction-response Bundle entry by entry, or an OperationOutcome.</summary>
public static class TransactionResponseReader
{
    /// <summary>The entries of a transaction-response Bundle, in order; null with a reason when the body is not one or has not <paramref name="expectedEntries"/> entries.</summary>
    public static IReadOnlyList<EntryResponse>? Read(ReadOnlyMemory<byte> body, int expectedEntries, out string? problem)
    {
        problem = null;
        if (Unreadable(body.Span) is { } unreadable) return Fail(unreadable, out problem);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "resourceType") != "Bundle")
                return Fail("it is not a Bundle", out problem);
            var type = Text(root, "type");
            if (type is not ("transaction-response" or "batch-response"))
                return Fail($"its type is '{type}', not transaction-response", out problem);
            var entries = new List<EntryResponse>();
            if (root.TryGetProperty("entry", out var array) && array.ValueKind == JsonValueKind.Array)
                foreach (var entry in array.EnumerateArray())
                {
                    if (!entry.TryGetProperty("response", out var response) || ParseStatus(Text(response, "status")) is not { } status)
                        return Fail($"entry {entries.Count} has no response.status", out problem);
                    var outcome = response.TryGetProperty("outcome", out var o) ? o.GetRawText() : null;
                    entries.Add(new EntryResponse(status.Code, status.Text, Text(response, "location"), outcome));
                }
            if (entries.Count != expectedEntries)
                return Fail($"it has {entries.Count} entries for the {expectedEntries} sent", out problem);
            return entries;
        }
        catch (JsonException e)
        {
            return Fail("it is not JSON: " + JsonErrorText.Describe(e), out problem);
        }
    }

    /// <summary>The body when it is an OperationOutcome, else null.</summary>
    public static string? OperationOutcome(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty || Unreadable(body.Span) is not null) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && Text(doc.RootElement, "resourceType") == "OperationOutcome"
                ? doc.RootElement.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Why the body cannot be read as text (<see cref="JsonInputGuard"/>), or null; malformed JSON is left to the parser to describe.</summary>
    private static string? Unreadable(ReadOnlySpan<byte> body)
    {
        var problems = JsonInputGuard.Check(body, JsonInputLimits.StringsOnly, 1);
        if (problems.Count == 0 || problems[0].Kind == JsonInputProblemKind.Malformed) return null;
        var at = problems[0].Path.Length == 0 ? "its root" : problems[0].Path;
        return problems[0].Kind == JsonInputProblemKind.InvalidString
            ? $"it holds {problems[0].Detail} that is not valid Unicode text at {at}"
            : $"it nests {problems[0].Detail} deep at {at}";
    }

    /// <summary>"201 Created" → (201, "201 Created").</summary>
    private static (int Code, string Text)? ParseStatus(string? status)
    {
        if (status is null || status.Length < 3) return null;
        return int.TryParse(status.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? (code, status) : null;
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IReadOnlyList<EntryResponse>? Fail(string reason, out string? problem)
    {
        problem = reason;
        return null;
    }
}
