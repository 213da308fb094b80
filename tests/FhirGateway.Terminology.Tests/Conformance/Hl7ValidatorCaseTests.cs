using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Fhir.Terminology;

namespace FhirGateway.Terminology.Tests.Conformance;

/// <summary>
/// The terminology verdicts behind cases of the HL7 validator test suite (../shared/conformance/validator/outcomes),
/// answered the same way: the code, the value set, and what the HL7 validator said of it.
/// </summary>
public sealed class Hl7ValidatorCaseTests
{
    private static readonly TerminologyService Tx = TerminologyService.R4Core;

    [Theory]
    // capabilitystatement-measure-processor: "The value provided ('5.0.0') was not found in the value set 'FHIRVersion'"
    [InlineData("http://hl7.org/fhir/ValueSet/FHIR-version|4.0.1", null, "5.0.0", CodeCheckOutcome.Invalid)]
    [InlineData("http://hl7.org/fhir/ValueSet/FHIR-version|4.0.1", null, "4.0.1", CodeCheckOutcome.Valid)]
    // xml-fail: '[%status%]' not in EndpointStatus, '[%payloadFormat%]' not in MimeType
    [InlineData("http://hl7.org/fhir/ValueSet/endpoint-status|4.0.1", null, "[%status%]", CodeCheckOutcome.Invalid)]
    [InlineData("http://hl7.org/fhir/ValueSet/mimetypes|4.0.1", null, "[%payloadFormat%]", CodeCheckOutcome.Invalid)]
    // parameters-reference-bad: v2-0203#MB is not in IdentifierType (a warning there: the binding is extensible)
    [InlineData("http://hl7.org/fhir/ValueSet/identifier-type", "http://terminology.hl7.org/CodeSystem/v2-0203", "MB", CodeCheckOutcome.Invalid)]
    [InlineData("http://hl7.org/fhir/ValueSet/identifier-type", "http://terminology.hl7.org/CodeSystem/v2-0203", "MR", CodeCheckOutcome.Valid)]
    // obs-temp-bad: SNOMED 276885007 is not in the LOINC-only Vital Signs value set
    [InlineData("http://hl7.org/fhir/ValueSet/observation-vitalsignresult", "http://snomed.info/sct", "276885007", CodeCheckOutcome.Invalid)]
    // member-of-CC: allergy-intolerance-criticality codes
    [InlineData("http://hl7.org/fhir/ValueSet/allergy-intolerance-criticality", "http://hl7.org/fhir/allergy-intolerance-criticality", "high", CodeCheckOutcome.Valid)]
    public void Verdict_matches_the_HL7_validator(string valueSet, string? system, string code, CodeCheckOutcome expected) =>
        Assert.Equal(expected, Tx.ValidateCode(valueSet, system, code).Outcome);

    [ConformanceTheory("validator")]
    // bb-obs-value-is-not-in-valueset (profile step): "The code provided (http://unitsofmeasure.org#cm) was not found in the value set 'Babylon Demographic Age Unit'"
    [InlineData("cm", CodeCheckOutcome.Invalid)]
    [InlineData("wk", CodeCheckOutcome.Valid)]
    public void A_value_set_from_a_case_file_decides_like_the_HL7_validator(string unit, CodeCheckOutcome expected)
    {
        var caseSet = DefinitionSources.OpenFiles(Path.Combine(SharedConformance.Folder("validator")!, "bb-vs.json"));
        var tx = new TerminologyService(DefinitionResolver.WithCore(caseSet));
        Assert.Equal(expected, tx.ValidateCode("https://bb/ValueSet/BBDemographicAgeUnit", "http://unitsofmeasure.org", unit).Outcome);
    }

    [Fact]
    public void A_german_display_of_a_loinc_code_is_not_called_wrong()
    {
        // filter-display-error-with-path: LOINC is not held, so its displays cannot be judged (no issue, as expected there).
        var check = Tx.ValidateCode("http://hl7.org/fhir/ValueSet/observation-codes", "http://loinc.org", "1988-5", "C-reaktives Protein [Masse/Volumen] in Serum oder Plasma");
        Assert.DoesNotContain(check.Issues, i => i.Code == "tx-display-wrong");
    }

    [Fact]
    public void Kg_is_not_a_ucum_unit_and_kg_is()
    {
        // quantity-units-invalid: "The value 10 Kg (UCUM#kg) has a unit that is not valid"
        Assert.Equal(CodeCheckOutcome.Valid, Tx.ValidateUcumUnit("kg").Outcome);
        Assert.Equal(CodeCheckOutcome.Invalid, Tx.ValidateUcumUnit("Kg").Outcome);
    }
}
