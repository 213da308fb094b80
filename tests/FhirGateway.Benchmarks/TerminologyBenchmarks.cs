using BenchmarkDotNet.Attributes;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Terminology;
using FhirGateway.Terminology;

namespace FhirGateway.Benchmarks;

/// <summary>
/// Offline terminology over the embedded R4 core definitions. Cold: a new service (empty caches) expands a large
/// value set (the definitions pack itself is already open: its cost is in DefinitionsLoadBenchmarks). Warm: the
/// cached expansion. Throughput: ValidateCode over a mix of real codes, reported per code (codes/s = 1e9 / ns).
/// </summary>
[MemoryDiagnoser]
public class TerminologyBenchmarks
{
    private const string ActCode = "http://terminology.hl7.org/ValueSet/v3-ActCode";
    private const string UcumCommon = "http://hl7.org/fhir/ValueSet/ucum-common";

    private static readonly (string ValueSet, string? System, string Code, string? Display)[] Mix =
    [
        ("http://hl7.org/fhir/ValueSet/administrative-gender", "http://hl7.org/fhir/administrative-gender", "female", "Female"),
        ("http://hl7.org/fhir/ValueSet/administrative-gender", null, "male", null),
        ("http://hl7.org/fhir/ValueSet/observation-status", "http://hl7.org/fhir/observation-status", "final", null),
        ("http://hl7.org/fhir/ValueSet/observation-status", "http://hl7.org/fhir/observation-status", "done", null),
        ("http://hl7.org/fhir/ValueSet/security-labels", "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "restricted"),
        ("http://terminology.hl7.org/ValueSet/v3-ActEncounterCode", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"),
        ("http://hl7.org/fhir/ValueSet/observation-vitalsignresult", "http://loinc.org", "8310-5", "Body temperature"),
        ("http://hl7.org/fhir/ValueSet/observation-codes", "http://loinc.org", "1988-5", null),
        ("http://hl7.org/fhir/ValueSet/ucum-units", "http://unitsofmeasure.org", "mg/L", null),
        ("http://hl7.org/fhir/ValueSet/all-languages", "urn:ietf:bcp:47", "de-CH", null),
    ];

    private TerminologyService _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ = CoreDefinitions.R4.FindValueSet(ActCode);
        _warm = new TerminologyService(CoreDefinitions.R4);
        foreach (var (vs, system, code, display) in Mix) _warm.ValidateCode(vs, system, code, display);
        _warm.Expand(ActCode, out _);
    }

    [Benchmark(Description = "expand v3-ActCode (1,116 codes, hierarchy), cold service")]
    public int ExpandActCodeCold() => new TerminologyService(CoreDefinitions.R4).Expand(ActCode, out _)!.Codes.Count;

    [Benchmark(Description = "expand ucum-common (1,364 listed units), cold service")]
    public int ExpandUcumCommonCold() => new TerminologyService(CoreDefinitions.R4).Expand(UcumCommon, out _)!.Codes.Count;

    [Benchmark(Description = "expand v3-ActCode, warm (cached)")]
    public int ExpandActCodeWarm() => _warm.Expand(ActCode, out _)!.Codes.Count;

    [Benchmark(Description = "ValidateCode, warm, per code", OperationsPerInvoke = 1000)]
    public int ValidateCodeWarm()
    {
        var valid = 0;
        for (var i = 0; i < 1000; i++)
        {
            var (vs, system, code, display) = Mix[i % Mix.Length];
            if (_warm.ValidateCode(vs, system, code, display).Outcome == CodeCheckOutcome.Valid) valid++;
        }
        return valid;
    }

    [Benchmark(Description = "UCUM unit check, per unit", OperationsPerInvoke = 1000)]
    public int UcumWarm()
    {
        var valid = 0;
        for (var i = 0; i < 1000; i++)
            if (_warm.ValidateUcumUnit((i % 3) switch { 0 => "mg/L", 1 => "10*6/kg", _ => "mL/min/{1.73_m2}" }).Outcome == CodeCheckOutcome.Valid) valid++;
        return valid;
    }
}
