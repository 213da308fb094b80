using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Terminology;
using static FhirGateway.Terminology.Tests.Support.Build;

namespace FhirGateway.Terminology.Tests.Validation;

/// <summary>Code checks: the system, the code's case, the display, inactive and abstract concepts, unknown systems.</summary>
public sealed class CodeValidationTests
{
    private const string Gender = "http://hl7.org/fhir/ValueSet/administrative-gender";
    private const string GenderSystem = "http://hl7.org/fhir/administrative-gender";
    private static readonly TerminologyService Tx = TerminologyService.R4Core;
    private static readonly TerminologyService Shapes = Service(ValueSet("all", Compose(All())));

    [Fact]
    public void A_coding_from_another_system_is_invalid_and_says_which_system_the_set_uses()
    {
        var check = Tx.ValidateCode(Gender, "http://snomed.info/sct", "248153007");
        Assert.Equal(CodeCheckOutcome.Invalid, check.Outcome);
        var issue = Assert.Single(check.Issues);
        Assert.Equal("tx-system-not-in-valueset", issue.Code);
        Assert.Contains(GenderSystem, issue.Message);
    }

    [Fact]
    public void A_wrong_case_code_of_a_case_sensitive_system_is_invalid_with_the_right_code()
    {
        var check = Tx.ValidateCode(Gender, GenderSystem, "Male");
        Assert.Equal(CodeCheckOutcome.Invalid, check.Outcome);
        Assert.Equal("tx-code-wrong-case", check.Issues[0].Code);
        Assert.Contains("'male'", check.Issues[0].Message);
    }

    [Fact]
    public void A_code_without_system_is_found_in_the_systems_the_set_uses()
    {
        var check = Tx.ValidateCode(Gender, null, "female");
        Assert.Equal(CodeCheckOutcome.Valid, check.Outcome);
        Assert.Equal("Female", check.Display);
        Assert.Equal(CodeCheckOutcome.Invalid, Tx.ValidateCode(Gender, null, "woman").Outcome);
    }

    [Fact]
    public void A_wrong_display_is_a_warning_naming_the_right_one()
    {
        var check = Tx.ValidateCode(Gender, GenderSystem, "female", "Woman");
        Assert.Equal(CodeCheckOutcome.Valid, check.Outcome);
        var issue = Assert.Single(check.Issues);
        Assert.Equal(("tx-display-wrong", IssueSeverity.Warning), (issue.Code, issue.Severity));
        Assert.Contains("'Female'", issue.Message);
    }

    [Fact]
    public void A_display_matching_ignoring_case_and_spacing_or_a_designation_is_right()
    {
        Assert.Empty(Tx.ValidateCode(Gender, GenderSystem, "female", " FEMALE ").Issues);
        Assert.Empty(Shapes.ValidateCode(Vs + "all", Sys, "triangle", "Dreieck").Issues);
    }

    [Fact]
    public void An_inactive_code_is_valid_with_a_warning()
    {
        var check = Shapes.ValidateCode(Vs + "all", Sys, "blob");
        Assert.Equal(CodeCheckOutcome.Valid, check.Outcome);
        Assert.Equal(("tx-code-inactive", IssueSeverity.Warning), (check.Issues[0].Code, check.Issues[0].Severity));
    }

    [Fact]
    public void A_deprecated_code_is_valid_with_information()
    {
        var check = Shapes.ValidateCode(Vs + "all", Sys, "old");
        Assert.Equal(("tx-code-deprecated", IssueSeverity.Information), (check.Issues[0].Code, check.Issues[0].Severity));
    }

    [Fact]
    public void An_abstract_code_is_flagged()
    {
        var check = Tx.ValidateCodeInSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode", "_ActEncounterCode");
        Assert.Contains(check.Issues, i => i.Code == "tx-code-abstract");
    }

    [Fact]
    public void A_code_of_a_system_nobody_defines_is_undecided_with_a_warning()
    {
        var check = Tx.ValidateCodeInSystem("http://example.org/fhir/oralservicecodes", "1200");
        Assert.Equal(CodeCheckOutcome.Undecided, check.Outcome);
        Assert.Equal(("tx-system-unknown", IssueSeverity.Warning), (check.Issues[0].Code, check.Issues[0].Severity));
    }

    [Fact]
    public void A_code_of_a_known_external_system_is_undecided_with_information()
    {
        var check = Tx.ValidateCodeInSystem("http://www.nlm.nih.gov/research/umls/rxnorm", "1049640");
        Assert.Equal(CodeCheckOutcome.Undecided, check.Outcome);
        Assert.Equal(IssueSeverity.Information, check.Issues[0].Severity);
    }

    [Fact]
    public void A_code_missing_from_a_complete_system_is_invalid()
    {
        var check = Tx.ValidateCodeInSystem("http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm", "Tab");
        Assert.Equal(CodeCheckOutcome.Invalid, check.Outcome);
        Assert.Contains("'TAB'", check.Issues[0].Message);
    }

    [Fact]
    public void An_example_code_system_never_calls_a_code_it_does_not_hold_invalid()
    {
        var check = Tx.ValidateCodeInSystem("http://terminology.hl7.org/CodeSystem/service-type", "99999");
        Assert.Equal(CodeCheckOutcome.Undecided, check.Outcome);
        Assert.Equal("tx-system-partial", check.Issues[0].Code);
    }

    [Fact]
    public void An_unknown_value_set_is_undecided_with_a_warning()
    {
        var check = Tx.ValidateCode("http://example.org/ValueSet/none", GenderSystem, "male");
        Assert.Equal(CodeCheckOutcome.Undecided, check.Outcome);
        Assert.Equal(("tx-valueset-unknown", IssueSeverity.Warning), (check.Issues[0].Code, check.Issues[0].Severity));
    }

    [Fact]
    public void A_value_set_version_not_held_is_checked_against_the_held_one_and_said_so()
    {
        var check = Tx.ValidateCode(Gender + "|3.0.2", GenderSystem, "male");
        Assert.Equal(CodeCheckOutcome.Valid, check.Outcome);
        Assert.Contains(check.Issues, i => i.Code == "tx-valueset-version-other" && i.Message.Contains("4.0.1"));
    }

    [Fact]
    public void A_missing_code_is_invalid()
    {
        Assert.Equal("tx-code-missing", Tx.ValidateCode(Gender, GenderSystem, "").Issues[0].Code);
    }
}
