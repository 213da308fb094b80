using System.Globalization;
using FhirGateway.Mapping.Records;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Operations;

/// <summary>
/// Reads record-listing filters by name (<c>state</c>, <c>partner</c>, <c>patient</c>, <c>kind</c>, <c>since</c>,
/// <c>until</c>, <c>page</c>, <c>limit</c>), as the API's query string and forms, the console's forms and the command
/// line give them; each bad value is one sentence naming the filter.
/// </summary>
public static class RecordQueryParser
{
    public static readonly IReadOnlyList<string> Names = ["state", "partner", "patient", "kind", "since", "until", "page", "limit"];

    public static RecordQuery Parse(Func<string, string?> value, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(errors);
        string? Text(string name) => string.IsNullOrWhiteSpace(value(name)) ? null : value(name)!.Trim();
        var state = Text("state");
        if (state is not null && !ListedStates.All.Contains(state))
            errors.Add($"state '{state}' is not one of {string.Join(", ", ListedStates.All)}.");
        var kind = Text("kind");
        if (kind is not null && !RecordKinds.IsKnown(kind))
            errors.Add($"kind '{kind}' is not a record kind ({string.Join(", ", RecordKinds.All)}).");
        var page = Long(Text("page"), "page", errors);
        var limit = Long(Text("limit"), "limit", errors);
        if (limit is < 1 or > Store.Sql.SqlGatewayStore.MaxPageSize)
            errors.Add($"limit must be between 1 and {Store.Sql.SqlGatewayStore.MaxPageSize}, found {limit}.");
        return new RecordQuery
        {
            State = state,
            PartnerId = Text("partner"),
            PatientId = Text("patient"),
            Kind = kind,
            Since = Time(Text("since"), "since", errors),
            Until = Time(Text("until"), "until", errors),
            Before = page,
            Limit = (int)Math.Clamp(limit ?? 50, 1, Store.Sql.SqlGatewayStore.MaxPageSize),
        };
    }

    /// <summary>A date (<c>2026-12-01</c>, midnight UTC) or a date and time with offset (<c>2026-12-01T08:00:00Z</c>).</summary>
    public static DateTimeOffset? Time(string? text, string name, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is null) return null;
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return at;
        errors.Add($"{name} '{text}' is not a date (2026-12-01) or a date and time (2026-12-01T08:00:00Z).");
        return null;
    }

    private static long? Long(string? text, string name, List<string> errors)
    {
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
        errors.Add($"{name} '{text}' is not a positive whole number.");
        return null;
    }
}
