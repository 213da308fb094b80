using System.Globalization;
using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Pipeline;

/// <summary>
/// The facts a mapped infusion states, checked against what the gateway already routed: its lot was released
/// (post-thaw viability &gt; 90%, identity ≥ 95%) and had not expired at the infusion; its number lies within its
/// care plan's series for that route and its dose within the plan's dose(s); an intrathecal infusion's safety review
/// was approved; and what <see cref="OutcomeChecks"/> checks (an adverse event's suspects, a follow-up's baseline). Each
/// failure is an issue naming the record it was checked against; the pipeline parks the record.
/// Thread-safe.
/// </summary>
public sealed class CrossRecordChecks(IPipelineStore store)
{
    private readonly IStoredResourceReader? _reader = store as IStoredResourceReader;

    public async Task<IReadOnlyList<Issue>> CheckAsync(MappedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var issues = new List<Issue>();
        foreach (var resource in record.Resources.Where(r => r.Profile == ClinicIg.Profile("msc-infusion")))
        {
            if (InfusionFacts.Read(resource) is not { } facts) continue;
            if (_reader is null)
            {
                issues.Add(IssueCatalogue.CrossNotChecked.At(facts.Path, facts.Path));
                continue;
            }
            await LotAsync(facts, issues, cancellationToken);
            await PlanAsync(facts, issues, cancellationToken);
            await ReviewAsync(facts, issues, cancellationToken);
        }
        if (_reader is not null) await new OutcomeChecks(_reader).CheckAsync(record, issues, cancellationToken);
        return issues;
    }

    private async Task LotAsync(InfusionFacts facts, List<Issue> issues, CancellationToken cancellationToken)
    {
        var release = await _reader!.FindRecordWithAsync("BiologicallyDerivedProduct", facts.Lot, cancellationToken);
        if (release is null)
        {
            issues.Add(IssueCatalogue.CrossLotUnknown.At(facts.Path, facts.Lot.Value));
            return;
        }
        var failed = new List<string>();
        if (Percent(release, "msc-viability") is not { } viability || viability <= 90m) failed.Add($"post-thaw viability {Show(Percent(release, "msc-viability"))} (needs > 90%)");
        if (Percent(release, "msc-identity") is not { } identity || identity < 95m) failed.Add($"identity {Show(Percent(release, "msc-identity"))} (needs ≥ 95%)");
        if (failed.Count > 0) issues.Add(IssueCatalogue.CrossLotNotReleased.At(facts.Path, facts.Lot.Value, release.RecordKey, string.Join(", ", failed)));
        var product = Json(release.Resources.First(r => r.ResourceType == "BiologicallyDerivedProduct"));
        var expires = (product["storage"] as JsonArray)?.OfType<JsonObject>().Select(s => s["duration"]?["end"]?.GetValue<string>()).FirstOrDefault(e => e is not null);
        if (expires is not null && facts.PerformedAt is { } at
            && DateOnly.TryParse(expires[..Math.Min(10, expires.Length)], CultureInfo.InvariantCulture, out var end) && DateOnly.FromDateTime(at.DateTime) > end)
            issues.Add(IssueCatalogue.CrossLotExpired.At(facts.Path, facts.Lot.Value, expires, release.RecordKey, at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)));
    }

    private async Task PlanAsync(InfusionFacts facts, List<Issue> issues, CancellationToken cancellationToken)
    {
        if (facts.Plan is not { } planId) return;
        var stored = await _reader!.FindRecordWithAsync("CarePlan", planId, cancellationToken);
        if (stored?.Resources.FirstOrDefault(r => r.ResourceType == "CarePlan") is not { } planResource)
        {
            issues.Add(IssueCatalogue.CrossPlanUnknown.At(facts.Path, planId.Value));
            return;
        }
        var series = (Json(planResource)["activity"] as JsonArray ?? []).OfType<JsonObject>().Select(a => a["detail"] as JsonObject)
            .Where(d => d is not null && Extension(d, "administration-route")?["valueCodeableConcept"]?["coding"]?[0]?["code"]?.GetValue<string>() == facts.RouteCode
                && d["status"]?.GetValue<string>() != "cancelled")
            .Select(d => (Count: d!["scheduledTiming"]?["repeat"]?["count"]?.GetValue<int>() ?? 0, Dose: Extension(d, "msc-dose")?["valueQuantity"]?["value"]?.GetValue<decimal>()))
            .ToList();
        var route = facts.RouteCode == InfusionFacts.IntrathecalCode ? "intrathecal" : "intravenous";
        var total = series.Sum(s => s.Count);
        if (facts.Number is { } n && n > total) issues.Add(IssueCatalogue.CrossBeyondSeries.At(facts.Path, n, total, route, planId.Value, stored.RecordKey));
        var doses = series.Where(s => s.Dose is not null).Select(s => s.Dose!.Value).ToList();
        if (doses.Count == 0 || facts.Dose < doses.Min() || facts.Dose > doses.Max())
            issues.Add(IssueCatalogue.CrossDoseOutsidePlan.At(facts.Path, Show(facts.Dose), route, planId.Value, stored.RecordKey,
                doses.Count == 0 ? "the plan has no such series" : $"planned {string.Join(", ", doses.Distinct().Select(d => Show(d)))}"));
    }

    private async Task ReviewAsync(InfusionFacts facts, List<Issue> issues, CancellationToken cancellationToken)
    {
        if (facts.RouteCode != InfusionFacts.IntrathecalCode || facts.Review is not { } reviewId) return;
        var stored = await _reader!.FindRecordWithAsync("Observation", reviewId, cancellationToken);
        var review = stored?.Resources.FirstOrDefault(r => r.Profile == ClinicIg.Profile("intrathecal-safety-review"));
        var outcome = review is null ? null : Json(review)["valueCodeableConcept"]?["coding"]?[0]?["code"]?.GetValue<string>();
        if (outcome != "approved")
            issues.Add(IssueCatalogue.CrossReviewNotApproved.At(facts.Path, reviewId.Value, outcome ?? "not on record", stored?.RecordKey ?? "no routed care-plan record"));
    }

    private static decimal? Percent(StoredRecordResources release, string profile) =>
        release.Resources.FirstOrDefault(r => r.Profile == ClinicIg.Profile(profile)) is { } o ? Json(o)["valueQuantity"]?["value"]?.GetValue<decimal>() : null;

    internal static JsonObject? Extension(JsonObject? element, string id) =>
        (element?["extension"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(e => e["url"]?.GetValue<string>() == ClinicIg.Extension(id));

    private static JsonObject Json(StoredResource resource) => JsonNode.Parse(resource.Json.Span)!.AsObject();

    private static string Show(decimal? d) => d is null ? "none" : d.Value.ToString(CultureInfo.InvariantCulture);
}
