using System.Text.Json.Nodes;
using FhirGateway.Mapping.Records;
using static FhirGateway.Mapping.Tests.RoundTrip.MappedResources;

namespace FhirGateway.Mapping.Tests.RoundTrip;

/// <summary>
/// Maps the resources of a mapped record back to the record's JSON, reading only FHIR (no record input): what it
/// cannot recover was lost by the mapping. The envelope comes from the Patient and the Provenance.
/// </summary>
internal static partial class RecordReverseMapper
{
    public static JsonObject Reverse(MappedRecord record)
    {
        var r = new MappedResources(record);
        var provenance = r.One("clinic-provenance");
        var entity = provenance["entity"]![0]!;
        var enterer = ((JsonArray)provenance["agent"]!).Single(a => Code(a!["type"]) == "enterer")!;
        var kind = Str(Extension(entity, "source-record-kind")!["valueCode"]);
        var result = new JsonObject
        {
            ["recordId"] = Str(entity["what"]!["identifier"]!["value"]),
            ["version"] = Num(Extension(entity, "source-record-version")!["valuePositiveInt"]),
            ["kind"] = kind,
            ["patient"] = Patient(r.One("clinic-patient")),
            ["recordedAt"] = Str(provenance["recorded"]),
            ["recordedBy"] = Party(enterer["who"]),
        };
        var body = kind switch
        {
            RecordKinds.Assessment => Assessment(r),
            RecordKinds.BiomarkerPanel => Panel(r),
            RecordKinds.ProductRelease => Product(r),
            RecordKinds.Infusion => Infusion(r),
            RecordKinds.CarePlanUpdate => CarePlan(r),
            RecordKinds.Consent => Consent(r),
            RecordKinds.AdverseEvent => AdverseEvent(r),
            _ => throw new InvalidOperationException(kind),
        };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            result[name] = value;
        }
        return result;
    }

    private static JsonObject Patient(JsonObject patient)
    {
        var ids = (JsonArray)patient["identifier"]!;
        var p = new JsonObject
        {
            ["id"] = Str(ids[0]!["value"]),
            ["name"] = new JsonObject { ["family"] = Str(patient["name"]![0]!["family"]), ["given"] = patient["name"]![0]!["given"]!.DeepClone() },
            ["gender"] = Str(patient["gender"]),
            ["birthDate"] = Str(patient["birthDate"]),
        };
        if (ids.Count > 1)
            p["partnerIdentifiers"] = new JsonArray(ids.Skip(1).Select(id =>
            {
                var x = new JsonObject { ["system"] = Str(id!["system"]), ["value"] = Str(id["value"]) };
                if (id["assigner"] is JsonObject a) x["assigner"] = new JsonObject { ["id"] = Str(a["identifier"]!["value"]), ["name"] = Str(a["display"]) };
                return (JsonNode)x;
            }).ToArray());
        return p;
    }

    private static JsonObject Assessment(MappedResources r)
    {
        var o = new JsonObject();
        var observations = r.All("alsfrs-r").Concat(r.All("fvc")).Concat(r.All("edss")).Concat(r.All("neuro-exam")).Concat(r.All("ms-relapse-history")).ToList();
        o["milestone"] = Code(Extension(observations[0], "programme-milestone")!["valueCodeableConcept"]);
        o["performedAt"] = Str(observations[0]["effectiveDateTime"]);
        Baseline(r, o);
        if (r.Maybe("clinic-diagnosis") is { } condition)
        {
            var d = new JsonObject { ["condition"] = Code(condition["code"]) == "86044005" ? "als" : "ms" };
            if (condition["stage"] is JsonArray stage)
                d["msCourse"] = Code(stage[0]!["summary"]) switch { "426373005" => "rrms", "425500002" => "spms", _ => "ppms" };
            if (condition["onsetDateTime"] is { } onset) d["onset"] = Str(onset);
            d["diagnosedOn"] = Str(condition["recordedDate"]);
            o["diagnosis"] = d;
        }
        if (r.Maybe("alsfrs-r") is { } alsfrs)
        {
            var items = new JsonObject();
            var gastrostomy = false;
            foreach (var c in (JsonArray?)alsfrs["component"] ?? [])
            {
                var loinc = Code(c!["code"]);
                gastrostomy |= loinc == Mappers.Tables.AlsfrsItems.CuttingFoodWithGastrostomy;
                var item = Mappers.Tables.AlsfrsItems.All.Single(i => i.Loinc == loinc || (i.Key == Mappers.Tables.AlsfrsItems.CuttingFood && loinc == Mappers.Tables.AlsfrsItems.CuttingFoodWithGastrostomy));
                items[item.Key] = Num(c["valueInteger"]);
            }
            o["alsfrsR"] = new JsonObject { ["items"] = items, ["gastrostomy"] = gastrostomy, ["total"] = Num(alsfrs["valueInteger"]) };
        }
        if (r.Maybe("fvc") is { } fvc)
            o["fvc"] = new JsonObject { ["volumeL"] = Num(fvc["valueQuantity"]!["value"]), ["percentPredicted"] = Num(fvc["component"]![0]!["valueQuantity"]!["value"]) };
        if (r.Maybe("edss") is { } edss) o["edss"] = Num(edss["valueQuantity"]!["value"]);
        if (r.Maybe("neuro-exam") is { } exam) o["neurologicalExam"] = Str(exam["valueString"]);
        History(r, o);
        return o;
    }

    private static JsonObject Panel(MappedResources r)
    {
        var report = r.One("biomarker-panel");
        var o = new JsonObject { ["milestone"] = Code(Extension(report, "programme-milestone")!["valueCodeableConcept"]) };
        if (report["basedOn"] is JsonArray basedOn) o["planId"] = Str(basedOn[0]!["identifier"]!["value"]);
        o["collectedAt"] = Str(report["effectiveDateTime"]);
        o["reportedAt"] = Str(report["issued"]);
        o["laboratory"] = Party(report["performer"]![0]);
        if (report["conclusion"] is { } conclusion) o["conclusion"] = Str(conclusion);
        var results = new JsonArray();
        foreach (var reference in (JsonArray)report["result"]!)
        {
            var obs = r.ByIdentifier(reference!);
            var code = Code(obs["code"]);
            var result = new JsonObject
            {
                ["biomarker"] = Mappers.Tables.Biomarkers.All.Single(b => b.Code == code).Key,
                ["value"] = Num(obs["valueQuantity"]!["value"]),
                ["unit"] = Str(obs["valueQuantity"]!["code"]),
            };
            if (obs["referenceRange"] is JsonArray range)
            {
                var rr = new JsonObject();
                if (range[0]!["low"] is { } low) rr["low"] = Num(low["value"]);
                if (range[0]!["high"] is { } high) rr["high"] = Num(high["value"]);
                result["referenceRange"] = rr;
            }
            results.Add(result);
        }
        o["results"] = results;
        return o;
    }
}
