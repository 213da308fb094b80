using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Fhir.Terminology;
using Xunit.Abstractions;

namespace FhirGateway.Terminology.Tests.Conformance;

/// <summary>
/// No false alarms on the R4 core examples (../shared/conformance/r4-examples): every coded value bound
/// <c>required</c> by the base definitions, and every code of a system held here, is checked; an "invalid" must be
/// one the HL7 validator also reports as an error (r4-examples.hl7-validator.json).
/// </summary>
public sealed class CoreExampleCodeTests(ITestOutputHelper output)
{
    private const string Folder = "r4-examples";
    private static readonly FhirJsonParser Parser = new(StructureTypeModel.R4Core);
    private static readonly TerminologyService Tx = TerminologyService.R4Core;

    /// <summary>
    /// Codes of the core examples that are genuinely invalid although the HL7 validator (run without a terminology
    /// server) reports no error for them: file, code, and why.
    /// </summary>
    private static readonly Dictionary<(string File, string Code), string> GenuinelyInvalid = new()
    {
        [("NutritionOrder-enteralcontinuous.json", "6547210000124112")] = "fails the SNOMED CT Verhoeff check digit: not an SCTID",
        [("Contract-C-123.json", "RicardianContract")] = "urn:ietf:rfc:3986 codes are absolute URIs; this is a bare word",
        [("Claim-760151.json", "TAB")] = "not a UCUM unit (tablets have no UCUM atom; '{tbl}' or '1' would be)",
        [("Bundle-father.json", "tbl")] = "not a UCUM unit ('{tbl}' would be)",
        [("MedicationDispense-meddisp0313.json", "mEq")] = "UCUM is case-sensitive: milliequivalents are 'meq'",
        [("MedicationDispense-meddisp0318.json", "mcg")] = "not a UCUM unit: micrograms are 'ug'",
        [("MedicationDispense-meddisp0324.json", "ea")] = "not a UCUM unit ('{each}' or '1' would be)",
        [("MedicationDispense-meddisp0329.json", "ea")] = "not a UCUM unit ('{each}' or '1' would be)",
        [("MedicationRequest-medrx0325.json", "ea")] = "not a UCUM unit ('{each}' or '1' would be)",
        [("MedicationRequest-medrx0328.json", "ea")] = "not a UCUM unit ('{each}' or '1' would be)",
        [("MedicationRequest-medrx0329.json", "ea")] = "not a UCUM unit ('{each}' or '1' would be)",
        [("MedicationRequest-medrx0304.json", "drop")] = "not a UCUM unit: drops are '[drp]'",
    };

    private static readonly Lazy<List<(string File, CodedValue Value)>> Walked = new(() => Walk().ToList());

    private static List<(string File, CodedValue Value)> AllCodedValues() => Walked.Value;

    private static IEnumerable<(string File, CodedValue Value)> Walk()
    {
        foreach (var path in Directory.GetFiles(SharedConformance.Folder(Folder)!, "*.json").Order(StringComparer.Ordinal))
        {
            var root = Parser.Parse(File.ReadAllBytes(path), Path.GetFileName(path)).Root;
            if (root is null) continue;
            foreach (var v in CodedElements.Walk(root)) yield return (Path.GetFileName(path), v);
        }
    }

    [ConformanceTheory(Folder)]
    [InlineData("required")]
    public void No_code_bound_required_is_invalid_where_the_HL7_validator_accepts_it(string strength)
    {
        var verdicts = Hl7Verdicts.Load(SharedConformance.Root!);
        var bound = AllCodedValues().Where(x => x.Value.Strength == strength && x.Value.ValueSet is not null).ToList();
        var results = bound.Select(x => (x.File, x.Value, Check: Tx.ValidateCode(x.Value.ValueSet!, x.Value.Type == "code" ? null : x.Value.System, x.Value.Code, x.Value.Display))).ToList();
        // A CodeableConcept is bound as a whole: it fails only when none of its codings is valid or undecided.
        var failedGroups = results.GroupBy(r => (r.File, r.Value.Group))
            .Where(g => g.All(r => r.Check.Outcome == CodeCheckOutcome.Invalid))
            .SelectMany(g => g).ToList();
        var falseAlarms = failedGroups.Where(r => !Hl7Verdicts.Agrees(verdicts, r.File, r.Value.Code))
            .Select(r => $"{r.File} {r.Value.Location} {r.Value.System}#{r.Value.Code}: {string.Join(" | ", r.Check.Issues.Select(i => i.Message))}").ToList();

        output.WriteLine($"{bound.Count} codes bound {strength} checked in {bound.Select(b => b.File).Distinct().Count()} files: " +
            string.Join(", ", results.GroupBy(r => r.Check.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}")) +
            $"; {failedGroups.Count} invalid elements, {failedGroups.Count - falseAlarms.Count} of them also errors for the HL7 validator");
        foreach (var warning in results.SelectMany(r => r.Check.Issues.Select(i => $"{r.File} {r.Value.Location}: {i}")).Where(w => w.Contains("warning")).Take(20))
            output.WriteLine(warning);
        Assert.True(bound.Count > 1000, $"only {bound.Count} bound codes found: the walk is broken");
        Assert.Empty(falseAlarms);
    }

    [ConformanceTheory(Folder)]
    [InlineData("held")]
    public void No_code_of_a_code_system_is_invalid_where_the_HL7_validator_accepts_it(string which)
    {
        var verdicts = Hl7Verdicts.Load(SharedConformance.Root!);
        var coded = AllCodedValues().Where(x => x.Value.System is not null).ToList();
        var results = coded.Select(x => (x.File, x.Value, Check: Tx.ValidateCodeInSystem(x.Value.System!, x.Value.Code, x.Value.Display))).ToList();
        var invalid = results.Where(r => r.Check.Outcome == CodeCheckOutcome.Invalid).ToList();
        var falseAlarms = invalid.Where(r => !Hl7Verdicts.Agrees(verdicts, r.File, r.Value.Code) && !GenuinelyInvalid.ContainsKey((r.File, r.Value.Code)))
            .Select(r => $"{r.File} {r.Value.Location} {r.Value.System}#{r.Value.Code}: {string.Join(" | ", r.Check.Issues.Select(i => i.Message))}").ToList();
        output.WriteLine($"{coded.Count} codings with a system ({which} or not) checked against their system: " +
            string.Join(", ", results.GroupBy(r => r.Check.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}")) +
            $"; {invalid.Count} invalid: {invalid.Count(r => Hl7Verdicts.Agrees(verdicts, r.File, r.Value.Code))} of them also errors for the HL7 validator, " +
            $"{invalid.Count(r => GenuinelyInvalid.ContainsKey((r.File, r.Value.Code)))} genuinely invalid codes it does not report; " +
            $"{results.Count(r => r.Check.Issues.Any(i => i.Code == "tx-display-wrong"))} wrong displays (warnings)");
        foreach (var line in results.Where(r => r.Check.Outcome == CodeCheckOutcome.Invalid || r.Check.Issues.Any(i => i.Code == "tx-display-wrong")).Take(40))
            output.WriteLine($"{line.File} {line.Value.Location}: {string.Join(" | ", line.Check.Issues)}");
        Assert.Empty(falseAlarms);
        var stale = GenuinelyInvalid.Keys.Where(k => !invalid.Any(r => (r.File, r.Value.Code) == k)).ToList();
        Assert.Empty(stale);
    }
}
