using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Terminology;

namespace FhirGateway.Terminology.Tests.ValueSets;

/// <summary>Expansion and membership over real R4 core value sets.</summary>
public sealed class CoreValueSetTests
{
    private const string Core = "http://hl7.org/fhir/ValueSet/";
    private static readonly TerminologyService Tx = TerminologyService.R4Core;

    private static CodeCheckOutcome Check(string valueSet, string system, string code) => Tx.ValidateCode(valueSet, system, code).Outcome;

    [Fact]
    public void Administrative_gender_expands_to_its_four_codes()
    {
        var expansion = Tx.Expand(Core + "administrative-gender", out _)!;
        Assert.Equal(["male", "female", "other", "unknown"], expansion.Codes.Select(c => c.Code));
        Assert.False(expansion.IsIncomplete);
        Assert.Equal("Female", expansion.Find("http://hl7.org/fhir/administrative-gender", "female")!.Display);
    }

    [Fact]
    public void Observation_status_accepts_final_and_rejects_done()
    {
        Assert.Equal(CodeCheckOutcome.Valid, Check(Core + "observation-status", "http://hl7.org/fhir/observation-status", "final"));
        var check = Tx.ValidateCode(Core + "observation-status", "http://hl7.org/fhir/observation-status", "done");
        Assert.Equal(CodeCheckOutcome.Invalid, check.Outcome);
        var issue = Assert.Single(check.Issues);
        Assert.Equal("tx-code-not-in-valueset", issue.Code);
        Assert.Contains("registered", issue.Message);
        Assert.Contains("observation-status", issue.Message);
    }

    [Fact]
    public void A_filter_based_core_value_set_is_composed_from_the_hierarchy()
    {
        // v3-ActEncounterCode: v3-ActCode is-a _ActEncounterCode, excluding the abstract grouper itself.
        var expansion = Tx.Expand("http://terminology.hl7.org/ValueSet/v3-ActEncounterCode", out _)!;
        Assert.Contains(expansion.Codes, c => c.Code == "AMB");
        Assert.DoesNotContain(expansion.Codes, c => c.Code == "_ActEncounterCode");
        Assert.Equal(CodeCheckOutcome.Invalid, Check("http://terminology.hl7.org/ValueSet/v3-ActEncounterCode", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "_ActEncounterCode"));
    }

    [Fact]
    public void An_is_not_a_core_value_set_leaves_out_the_subtree()
    {
        // patient-contactrelationship: v2-0131 is-not-a O ("Other").
        var expansion = Tx.Expand(Core + "patient-contactrelationship", out _)!;
        Assert.DoesNotContain(expansion.Codes, c => c.Code == "O");
        Assert.Contains(expansion.Codes, c => c.Code == "N");
    }

    [Fact]
    public void An_import_based_core_value_set_unites_its_imports()
    {
        // security-labels imports six v3 value sets.
        Assert.Equal(CodeCheckOutcome.Valid, Check(Core + "security-labels", "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R"));
        Assert.Equal(CodeCheckOutcome.Valid, Check(Core + "security-labels", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "HIV"));
        Assert.Equal(CodeCheckOutcome.Invalid, Check(Core + "security-labels", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB"));
        Assert.False(Tx.Expand(Core + "security-labels", out _)!.IsIncomplete);
    }

    [Fact]
    public void Languages_accepts_listed_tags_and_all_languages_any_well_formed_tag()
    {
        Assert.Equal(CodeCheckOutcome.Valid, Check(Core + "languages", "urn:ietf:bcp:47", "de-CH"));
        Assert.Equal(CodeCheckOutcome.Invalid, Check(Core + "languages", "urn:ietf:bcp:47", "gsw-CH"));
        Assert.Equal(CodeCheckOutcome.Valid, Check(Core + "all-languages", "urn:ietf:bcp:47", "gsw-CH"));
        Assert.Equal(CodeCheckOutcome.Valid, Check(Core + "all-languages", "urn:ietf:bcp:47", "zh-Hant-TW"));
        Assert.Equal(CodeCheckOutcome.Invalid, Check(Core + "all-languages", "urn:ietf:bcp:47", "en_US"));
    }

    [Fact]
    public void Mimetypes_accepts_well_formed_types_and_cannot_be_listed()
    {
        Assert.Equal(CodeCheckOutcome.Valid, Check(Core + "mimetypes", "urn:ietf:bcp:13", "application/fhir+json"));
        Assert.Equal(CodeCheckOutcome.Valid, Check(Core + "mimetypes", "urn:ietf:bcp:13", "text/plain; charset=UTF-8"));
        Assert.Equal(CodeCheckOutcome.Invalid, Check(Core + "mimetypes", "urn:ietf:bcp:13", "pdf"));
        Assert.Null(Tx.Expand(Core + "mimetypes", out var reason));
        Assert.Contains("grammar", reason);
    }

    [Fact]
    public void Ucum_units_accepts_any_valid_unit_and_ucum_vitals_common_only_its_list()
    {
        Assert.Equal(CodeCheckOutcome.Valid, Check(Core + "ucum-units", "http://unitsofmeasure.org", "10*6/kg"));
        Assert.Equal(CodeCheckOutcome.Invalid, Check(Core + "ucum-units", "http://unitsofmeasure.org", "cells/kg"));
        Assert.Equal(CodeCheckOutcome.Valid, Check(Core + "ucum-vitals-common", "http://unitsofmeasure.org", "Cel"));
        Assert.Equal(CodeCheckOutcome.Invalid, Check(Core + "ucum-vitals-common", "http://unitsofmeasure.org", "mg/L"));
    }

    [Fact]
    public void Every_code_listed_by_ucum_common_is_valid_ucum()
    {
        var bad = Tx.Expand(Core + "ucum-common", out _)!.Codes
            .Where(c => Tx.ValidateUcumUnit(c.Code).Outcome != CodeCheckOutcome.Valid)
            .Select(c => $"{c.Code}: {Tx.ValidateUcumUnit(c.Code).Issues[0].Message}")
            .ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void Currencies_know_the_listed_codes_and_reject_lower_case()
    {
        Assert.Equal("Euro", Tx.ValidateCode(Core + "currencies", "urn:iso:std:iso:4217", "EUR").Display);
        Assert.Equal(CodeCheckOutcome.Invalid, Check(Core + "currencies", "urn:iso:std:iso:4217", "eur"));
    }

    [Fact]
    public void A_loinc_code_in_a_value_set_that_does_not_enumerate_loinc_is_undecided_with_information()
    {
        var check = Tx.ValidateCode(Core + "observation-codes", "http://loinc.org", "1988-5");
        Assert.Equal(CodeCheckOutcome.Undecided, check.Outcome);
        var issue = Assert.Single(check.Issues);
        Assert.Equal(Fhir.Issues.IssueSeverity.Information, issue.Severity);
        Assert.Contains("1988-5", issue.Message);
    }

    [Fact]
    public void A_loinc_code_is_checked_against_a_value_set_that_enumerates_loinc()
    {
        Assert.Equal(CodeCheckOutcome.Valid, Check(Core + "observation-vitalsignresult", "http://loinc.org", "8310-5"));
        Assert.Equal(CodeCheckOutcome.Invalid, Check(Core + "observation-vitalsignresult", "http://loinc.org", "1988-5"));
    }

    [Fact]
    public void A_snomed_code_found_in_the_shipped_expansion_is_valid()
    {
        var first = Tx.Expand(Core + "procedure-code", out _)!.Codes[0];
        Assert.Equal(CodeCheckOutcome.Valid, Check(Core + "procedure-code", first.System, first.Code));
    }

    [Fact]
    public void Every_core_value_set_expands_or_says_why_not()
    {
        foreach (var vs in CoreDefinitions.R4.ValueSets())
        {
            var expansion = Tx.Expand(vs.Canonical, out var reason);
            Assert.True(expansion is not null || !string.IsNullOrEmpty(reason), vs.Canonical);
        }
    }
}
