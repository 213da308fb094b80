using System.Globalization;
using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// The patient's consent to share with one named partner organisation, as a share-consent Consent, and the
/// <see cref="ConsentDirective"/> the runtime gates delivery on. A withdrawal is a new version with status inactive.
/// </summary>
internal sealed class ConsentMapper : IKindMapper
{
    private static readonly string[] Statuses = ["active", "inactive", "rejected"];

    public string Kind => RecordKinds.Consent;

    public void Map(MappingContext context)
    {
        var r = context.Record;
        var id = r.String("consentId", true);
        var status = r.Code("status", true, Statuses);
        var decidedAt = r.DateTime("decidedAt", true);
        var period = r.Object("period", true);
        var start = period?.Date("start", true);
        var end = period?.Date("end", false);
        var partner = Parties.Read(r, "partner", true);
        if (start is not null && end is not null && string.CompareOrdinal(end, start) < 0)
            period!.Report(IssueCatalogue.RecordInconsistent, "end", period.PathOf("end"), "is before period.start");
        if (context.HasErrors || id is null || status is null || decidedAt is null || start is null || partner is null) return;

        var draft = context.Add(new ResourceDraft(new ResourceKey("Consent", new BusinessIdentifier(ClinicIg.Systems.Consent, id)), "share-consent"));
        draft.Narrate(new Narrative().Title($"Consent to share programme records with {partner.Value.Name}: {status}")
            .Row("Decided", decidedAt.Value.Text)
            .Row("Period", end is null ? $"from {start}" : $"{start} to {end}")
            .Paragraph("Assessments, biomarker results, infusions and care-plan changes of the MSC programme are disclosed to the named organisation for the patient's treatment."));
        draft["identifier"] = FhirNodes.Array(FhirNodes.Identifier(draft.Key.Identifier));
        draft["status"] = status;
        draft["scope"] = FhirNodes.Concept(ClinicIg.Standard.ConsentScope, "patient-privacy");
        draft["category"] = FhirNodes.Array(FhirNodes.Concept(ClinicIg.Standard.ActCode, "IDSCL"));
        draft["patient"] = context.PatientReference();
        draft["dateTime"] = decidedAt.Value.Text;
        draft["organization"] = FhirNodes.Array(Parties.Clinic());
        draft["policyRule"] = FhirNodes.Concept(ClinicIg.Standard.ActCode, "OPTIN");
        draft["provision"] = new JsonObject
        {
            ["type"] = "permit",
            ["period"] = FhirNodes.Period(start, end),
            ["actor"] = FhirNodes.Array(new JsonObject
            {
                ["role"] = FhirNodes.Concept(ClinicIg.Standard.ParticipationType, "IRCP"),
                ["reference"] = Parties.Organization(partner.Value.Id, partner.Value.Name),
            }),
            ["action"] = FhirNodes.Array(FhirNodes.Concept(ClinicIg.Standard.ConsentAction, "disclose")),
            ["purpose"] = FhirNodes.Array(FhirNodes.Coding(ClinicIg.Standard.ActReason, "TREAT")),
        };
        var offset = decidedAt.Value.Value.Offset;
        context.Consent = new ConsentDirective(
            new BusinessIdentifier(ClinicIg.Systems.Organization, partner.Value.Id),
            status == "active",
            DayStart(start, offset),
            end is null ? null : DayStart(end, offset).AddDays(1).AddTicks(-1));
    }

    /// <summary>The start of a day in the clinic's zone (the zone the decision was recorded in).</summary>
    private static DateTimeOffset DayStart(string date, TimeSpan offset) =>
        new(DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), offset);
}
