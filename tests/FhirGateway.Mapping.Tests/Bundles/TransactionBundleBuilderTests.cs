using System.Text.Json.Nodes;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Bundles;

public sealed class TransactionBundleBuilderTests
{
    private static readonly RecordMapper Mapper = new();
    private static readonly TransactionBundleBuilder Builder = new();

    private static MappedRecord Map(string seed) => Mapper.Map(RepoFiles.Seed(seed)).Record!;

    private static JsonArray Entries(TransactionBundle bundle) => (JsonArray)JsonNode.Parse(bundle.Json.Span)!["entry"]!;

    [Fact]
    public void The_patient_appears_once_however_many_records_name_it()
    {
        var records = new[] { "ms/05-product-release.json", "ms/06-care-plan-change.json", "ms/10-infusion-it-1.json" }.Select(Map).ToList();
        var bundle = Builder.Build(records);
        var patients = bundle.Entries.Where(e => e.ResourceType == "Patient").ToList();
        var patient = Assert.Single(patients);
        Assert.Equal(records.Select(r => r.Envelope.Key), patient.RecordKeys);
        Assert.Equal(bundle.Entries.Count, Entries(bundle).Count);
    }

    [Fact]
    public void References_to_entries_become_their_urn_uuid_and_others_stay_logical()
    {
        var bundle = Builder.Build([Map("ms/05-product-release.json"), Map("ms/10-infusion-it-1.json")]);
        var entries = Entries(bundle);
        var fullUrls = entries.Select(e => e!["fullUrl"]!.GetValue<string>()).ToHashSet();
        Assert.All(fullUrls, u => Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", u));
        var procedure = entries.Single(e => e!["resource"]!["resourceType"]!.GetValue<string>() == "Procedure")!["resource"]!;
        var product = procedure["extension"]!.AsArray().Single(x => x!["url"]!.GetValue<string>().EndsWith("/infused-product", StringComparison.Ordinal))!["valueReference"]!;
        Assert.Contains(product["reference"]!.GetValue<string>(), fullUrls);
        Assert.Contains(procedure["subject"]!["reference"]!.GetValue<string>(), fullUrls);
        var review = procedure["extension"]!.AsArray().Single(x => x!["url"]!.GetValue<string>().EndsWith("/safety-review", StringComparison.Ordinal))!["valueReference"]!;
        Assert.Null(review["reference"]);
        Assert.Equal("ITSR-100871-01", review["identifier"]!["value"]!.GetValue<string>());
        Assert.All(entries, e => Assert.Null(e!["resource"]!["id"]));
    }

    [Fact]
    public void Immutable_results_are_created_once_and_changing_resources_are_updated_conditionally()
    {
        var entries = Builder.Build([Map("als/03-care-plan.json")]).Entries;
        Assert.Equal(("POST", "Patient"), (entries[0].Method, entries[0].Url));
        Assert.All(entries.Where(e => e.ResourceType is "CarePlan" or "CareTeam" or "Goal"), e =>
        {
            Assert.Equal("PUT", e.Method);
            Assert.Equal($"{e.ResourceType}?identifier={e.Identifier.System}|{e.Identifier.Value}", e.Url);
        });
        Assert.All(entries.Where(e => e.ResourceType == "Observation"), e => Assert.Equal(("POST", "Observation"), (e.Method, e.Url)));
        var request = Entries(Builder.Build([Map("als/03-care-plan.json")]))[0]!["request"]!;
        Assert.Equal($"identifier={ClinicIg.Systems.Mrn}|HX-100234", request["ifNoneExist"]!.GetValue<string>());
    }

    [Fact]
    public void A_corrected_version_replaces_its_results_and_gets_its_own_provenance()
    {
        var json = JsonNode.Parse(RepoFiles.Seed("als/04-baseline-panel.json"))!;
        json["version"] = 2;
        var corrected = Mapper.Map(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString())).Record!;
        var entries = Builder.Build([corrected]).Entries;
        Assert.All(entries.Where(e => e.ResourceType is "Observation" or "DiagnosticReport"), e => Assert.Equal("PUT", e.Method));
        var provenance = entries.Single(e => e.ResourceType == "Provenance");
        Assert.Equal(("POST", "REC-100234-BMK-01@2"), (provenance.Method, provenance.Identifier.Value));
        var original = Builder.Build([Map("als/04-baseline-panel.json")]).Entries;
        Assert.Equal(original.Where(e => e.ResourceType == "Observation").Select(e => e.Id), entries.Where(e => e.ResourceType == "Observation").Select(e => e.Id));
    }

    [Fact]
    public void The_provenance_is_created_once_per_record_version_through_its_tag()
    {
        var entry = Entries(Builder.Build([Map("als/01-consent.json")])).Single(e => e!["resource"]!["resourceType"]!.GetValue<string>() == "Provenance")!;
        Assert.Equal($"_tag={ClinicIg.Systems.RecordKey}|REC-100234-CON-01@1", entry["request"]!["ifNoneExist"]!.GetValue<string>());
        Assert.Equal("REC-100234-CON-01@1", entry["resource"]!["meta"]!["tag"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public void When_two_records_give_one_resource_the_later_record_wins()
    {
        var first = Map("als/03-care-plan.json");
        var change = Map("als/09-care-plan-change.json");
        var bundle = Builder.Build([change, first]);
        var plan = Entries(bundle).Single(e => e!["resource"]!["resourceType"]!.GetValue<string>() == "CarePlan")!["resource"]!;
        Assert.Equal("2026-04-27", plan["activity"]![0]!["detail"]!["scheduledTiming"]!["repeat"]!["boundsPeriod"]!["end"]!.GetValue<string>());
        Assert.Equal([change.Envelope.Key, first.Envelope.Key], bundle.Entries.Single(e => e.ResourceType == "CarePlan").RecordKeys);
    }

    [Theory]
    [InlineData("als/")]
    [InlineData("ms/")]
    public void A_whole_programme_in_one_bundle_passes_the_exchange_bundle_profile_and_every_entry_its_own(string patient)
    {
        var records = RepoFiles.GoodSeeds().Where(s => s.StartsWith(patient, StringComparison.Ordinal)).Select(Map).ToList();
        var bundle = Builder.Build(records);
        var problems = ClinicValidation.Problems(bundle.Json, ClinicIg.Profile("exchange-bundle"), "bundle");
        foreach (var entry in Entries(bundle))
        {
            var resource = entry!["resource"]!;
            var bytes = System.Text.Encoding.UTF8.GetBytes(resource.ToJsonString());
            problems.AddRange(ClinicValidation.Problems(bytes, resource["meta"]!["profile"]![0]!.GetValue<string>(), entry["fullUrl"]!.GetValue<string>()));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Single(bundle.Entries, e => e.ResourceType == "Patient");
        Assert.Equal(records.Count, bundle.Entries.Count(e => e.ResourceType == "Provenance"));
        Assert.Equal(bundle.Entries.Count, bundle.Entries.Select(e => (e.ResourceType, e.Identifier)).Distinct().Count());
    }

    [Fact]
    public void Query_values_are_percent_encoded_where_a_query_cannot_carry_them()
    {
        Assert.Equal("https://x.org/sid|a%20b%7Cc%26d@1", ConditionalRequests.Token(new BusinessIdentifier("https://x.org/sid", "a b|c&d@1")));
    }
}
