using System.Text.Json.Nodes;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Mapping.Partners;
using FhirGateway.Demo.Sandbox;

namespace FhirGateway.Runtime.Tests.Partners;

/// <summary>Two partner EHRs, each with its own MRN system and ICD-10 edition, fed the ALS seeds record by record as delivery does.</summary>
public sealed class PartnerIdentityTests
{
    private const string NorthbridgeMrn = "https://fhir.northbridge-uh.org/sid/mrn";
    private const string RiversideMrn = "https://fhir.riverside-hospital.example/sid/mrn";

    private static readonly RecordMapper Mapper = new();
    private static readonly TransactionBundleBuilder Bundles = new();

    private static string SeedsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln"))) return Path.Combine(dir.FullName, "seeds", "als");
        throw new InvalidOperationException("no repository root above " + AppContext.BaseDirectory);
    }

    /// <summary>The ALS seeds, each also naming the patient's Riverside MRN (the seeds name Northbridge's), the first <paramref name="withoutIds"/> with no partner identifiers.</summary>
    private static List<MappedRecord> Records(int withoutIds = 0)
    {
        var records = new List<MappedRecord>();
        foreach (var (file, i) in Directory.EnumerateFiles(SeedsFolder(), "*.json").Order(StringComparer.Ordinal).Select((f, i) => (f, i)))
        {
            var record = JsonNode.Parse(File.ReadAllText(file))!;
            var ids = record["patient"]!["partnerIdentifiers"]!.AsArray();
            ids.Add(new JsonObject { ["system"] = RiversideMrn, ["value"] = "RH-778201" });
            if (i < withoutIds) record["patient"]!.AsObject().Remove("partnerIdentifiers");
            var mapping = Mapper.Map(System.Text.Encoding.UTF8.GetBytes(record.ToJsonString()));
            Assert.True(mapping.Success, string.Join("; ", mapping.Issues));
            records.Add(mapping.Record!);
        }
        return records;
    }

    private static void Deliver(SandboxFhirServer partner, IEnumerable<MappedRecord> records, PartnerCoding coding)
    {
        foreach (var record in records)
        {
            var answer = partner.Transaction(Bundles.Build([PartnerView.For(record, coding)]).Json.Span);
            Assert.Equal(200, answer.Status);
        }
    }

    private static List<(string? System, string? Value)> Identifiers(JsonObject patient) =>
        patient["identifier"]!.AsArray().Select(i => ((string?)i!["system"], (string?)i["value"])).ToList();

    [Fact]
    public void Two_partners_each_get_one_patient_with_only_their_own_mrn_and_their_icd10_edition()
    {
        var records = Records();
        var northbridge = new SandboxFhirServer();
        var riverside = new SandboxFhirServer();

        Deliver(northbridge, records, new PartnerCoding(Icd10Edition.Cm, NorthbridgeMrn));
        Deliver(riverside, records, new PartnerCoding(Icd10Edition.Who, RiversideMrn));
        Deliver(northbridge, records, new PartnerCoding(Icd10Edition.Cm, NorthbridgeMrn)); // a redelivery adds nothing

        var atNorthbridge = Assert.Single(northbridge.All("Patient"));
        var atRiverside = Assert.Single(riverside.All("Patient"));
        Assert.Equal([("https://fhir.helixneuro.clinic/sid/mrn", "HX-100234"), (NorthbridgeMrn, "NUH-5530912")], Identifiers(atNorthbridge));
        Assert.Equal([("https://fhir.helixneuro.clinic/sid/mrn", "HX-100234"), (RiversideMrn, "RH-778201")], Identifiers(atRiverside));
        Assert.Equal(["http://snomed.info/sct", "http://hl7.org/fhir/sid/icd-10-cm"], Systems(Assert.Single(northbridge.All("Condition"))));
        Assert.Equal(["http://snomed.info/sct", "http://hl7.org/fhir/sid/icd-10"], Systems(Assert.Single(riverside.All("Condition"))));
        Assert.Contains("G12.21", Assert.Single(northbridge.All("Condition")).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_partner_that_already_holds_the_patient_under_its_own_mrn_gets_no_second_patient()
    {
        var riverside = new SandboxFhirServer();
        riverside.Transaction(System.Text.Encoding.UTF8.GetBytes($$$"""
            {"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:a","resource":{"resourceType":"Patient",
             "identifier":[{"system":"{{{RiversideMrn}}}","value":"RH-778201"}]},"request":{"method":"POST","url":"Patient"}}]}
            """));

        Deliver(riverside, Records(), new PartnerCoding(Icd10Edition.Who, RiversideMrn));

        Assert.Equal(1, riverside.Count("Patient"));
    }

    [Fact]
    public void Records_without_the_partners_mrn_are_matched_on_the_clinic_mrn_the_patient_already_carries()
    {
        var northbridge = new SandboxFhirServer();
        var records = Records(withoutIds: 3);

        Deliver(northbridge, records[3..], new PartnerCoding(Icd10Edition.Cm, NorthbridgeMrn));
        Deliver(northbridge, records[..3], new PartnerCoding(Icd10Edition.Cm, NorthbridgeMrn));

        Assert.Equal(1, northbridge.Count("Patient"));
    }

    private static List<string?> Systems(JsonObject condition) => condition["code"]!["coding"]!.AsArray().Select(c => (string?)c!["system"]).ToList();
}
