using System.Text.Json.Nodes;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Mapping;

public sealed class ConsentDirectiveTests
{
    [Fact]
    public void A_consent_record_states_whom_the_patient_allows_the_clinic_to_share_with_and_when()
    {
        var directive = new RecordMapper().Map(RepoFiles.Seed("als/01-consent.json")).Record!.Consent!;
        Assert.Equal(new BusinessIdentifier(ClinicIg.Systems.Organization, "northbridge-uh"), directive.PartnerOrganization);
        Assert.True(directive.Active);
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 0, 0, 0, TimeSpan.FromHours(1)), directive.Start);
        Assert.Null(directive.End);
        Assert.False(directive.IsInForce(new DateTimeOffset(2026, 1, 11, 23, 0, 0, TimeSpan.FromHours(1))));
        Assert.True(directive.IsInForce(new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_consent_with_an_end_date_is_in_force_through_that_day_and_not_after()
    {
        var json = JsonNode.Parse(RepoFiles.Seed("als/01-consent.json"))!;
        json["period"]!["end"] = "2027-12-31";
        var directive = new RecordMapper().Map(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString())).Record!.Consent!;
        Assert.True(directive.IsInForce(new DateTimeOffset(2027, 12, 31, 23, 0, 0, TimeSpan.FromHours(1))));
        Assert.False(directive.IsInForce(new DateTimeOffset(2028, 1, 1, 0, 0, 1, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void A_withdrawal_is_a_new_version_that_is_not_in_force()
    {
        var json = JsonNode.Parse(RepoFiles.Seed("als/01-consent.json"))!;
        json["version"] = 2;
        json["status"] = "inactive";
        var record = new RecordMapper().Map(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString())).Record!;
        Assert.False(record.Consent!.IsInForce(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("inactive", JsonNode.Parse(record.Resources.Single(r => r.ResourceType == "Consent").Json.Span)!["status"]!.GetValue<string>());
    }

    [Fact]
    public void Only_consent_records_carry_a_directive()
    {
        Assert.Null(new RecordMapper().Map(RepoFiles.Seed("als/02-intake-assessment.json")).Record!.Consent);
    }
}
