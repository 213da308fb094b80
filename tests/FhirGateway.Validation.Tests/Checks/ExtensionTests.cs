using FhirGateway.Fhir.Issues;
using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Checks;

/// <summary>Extensions resolved by url: unknown ones, contexts, modifier rules and their content.</summary>
public sealed class ExtensionTests
{
    private static readonly string[] Definitions =
    [
        Extension("eye-colour", "string", false, "Patient"),
        Extension("do-not-treat", "boolean", true, "Patient"),
        Extension("name-origin", "string", false, "HumanName"),
    ];

    private static ValidationResult Patient(string extensions, ValidatorOptions? options = null) =>
        Validator((options ?? new ValidatorOptions()) with { BestPractice = BestPracticeHandling.Ignore }, null, Definitions).Validate($$"""{ "resourceType": "Patient", {{extensions}} }""");

    [Fact]
    public void An_unknown_extension_is_a_warning_by_default_and_an_error_when_configured()
    {
        const string unknown = """ "extension": [ { "url": "http://other.org/fhir/x", "valueString": "a" } ] """;
        Assert.Equal(IssueSeverity.Warning, Patient(unknown).Single("val-extension-unknown").Severity);
        Assert.Equal([("val-extension-unknown", "Patient.extension[0]")],
            Patient(unknown, new ValidatorOptions { UnknownExtensionSeverity = IssueSeverity.Error }).ErrorCodes());
        Assert.Empty(Patient(unknown, new ValidatorOptions { AllowedUnknownExtensionPrefixes = ["http://other.org/"] }).Issues);
    }

    [Fact]
    public void An_unknown_modifier_extension_is_always_an_error()
    {
        var result = Patient(""" "modifierExtension": [ { "url": "http://other.org/fhir/m", "valueBoolean": true } ] """);
        Assert.Equal([("val-modifier-extension-unknown", "Patient.modifierExtension[0]")], result.ErrorCodes());
    }

    [Fact]
    public void The_content_of_a_known_extension_is_validated_against_its_definition()
    {
        var result = Patient($$""" "extension": [ { "url": "{{Base}}eye-colour", "valueBoolean": true } ] """);
        Assert.Equal([("val-type-not-allowed", "Patient.extension[0].valueBoolean")], result.ErrorCodes());
        Assert.Empty(Patient($$""" "extension": [ { "url": "{{Base}}eye-colour", "valueString": "green" } ] """).Issues);
    }

    [Fact]
    public void Fails_when_an_extension_is_used_outside_its_contexts()
    {
        var result = Patient($$""" "extension": [ { "url": "{{Base}}name-origin", "valueString": "x" } ] """);
        Assert.Equal([("val-extension-context", "Patient.extension[0]")], result.ErrorCodes());
        Assert.Empty(Patient($$""" "name": [ { "family": "A", "extension": [ { "url": "{{Base}}name-origin", "valueString": "x" } ] } ] """).Errors());
    }

    [Fact]
    public void A_modifier_extension_must_be_in_modifier_extension_and_only_there()
    {
        Assert.Equal([("val-extension-modifier-mismatch", "Patient.extension[0]")],
            Patient($$""" "extension": [ { "url": "{{Base}}do-not-treat", "valueBoolean": true } ] """).ErrorCodes());
        Assert.Equal([("val-extension-modifier-mismatch", "Patient.modifierExtension[0]")],
            Patient($$""" "modifierExtension": [ { "url": "{{Base}}eye-colour", "valueString": "x" } ] """).ErrorCodes());
        Assert.Empty(Patient($$""" "modifierExtension": [ { "url": "{{Base}}do-not-treat", "valueBoolean": true } ] """).Errors());
    }

    [Fact]
    public void Core_extensions_are_known_and_checked()
    {
        var result = Validator().Validate("""
            { "resourceType": "Patient", "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/patient-birthTime", "valueDateTime": "2020-01-01T10:00:00Z" } ] }
            """);
        Assert.Equal([("val-extension-context", "Patient.extension[0]")], result.ErrorCodes());
    }

    [Fact]
    public void An_extension_without_url_cannot_be_identified_besides_its_missing_url()
    {
        var result = Validator().Validate("""{ "resourceType": "Patient", "extension": [ { "valueString": "x" } ] }""");
        Assert.Equal(["val-cardinality-min", "val-extension-no-url"], result.Errors().Select(e => e.Code).Order());
        Assert.All(result.Errors(), e => Assert.Equal("Patient.extension[0]", e.Expression));
    }
}
