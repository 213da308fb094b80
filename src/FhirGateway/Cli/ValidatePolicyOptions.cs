using System.CommandLine;
using FhirGateway.Validation;
using FhirGateway.Validation.Setup;

namespace FhirGateway.Cli;

/// <summary>
/// The options of <c>fhirgw validate</c> that choose policies rather than inputs, read into
/// <see cref="ValidationPolicies"/>. The Java-compatible ones (what the HL7 validator makes errors) are off by default.
/// </summary>
internal sealed class ValidatePolicyOptions
{
    private readonly Option<bool> _exampleUrls = new("--example-urls-as-errors")
    { Description = "Report URLs on example domains (example.org, example.com, acme.com) as errors, as the HL7 validator does." };
    private readonly Option<bool> _unknownExtensions = new("--unknown-extensions-as-errors")
    { Description = "Report extensions whose definition is unknown as errors (a warning by default), as the HL7 validator does." };
    private readonly Option<bool> _unknownProfiles = new("--unknown-profiles-as-errors")
    { Description = "Report declared profiles (meta.profile) that are unknown as errors (a warning by default), as the HL7 validator does." };
    private readonly Option<bool> _checkReferences = new("--check-references")
    { Description = "Resolve references Type/id also to Type-id.json beside the files validated, and report relative references nothing resolves as errors." };
    private readonly Option<bool> _trustReferenceTypes = new("--trust-reference-types")
    { Description = "Take the type a reference's URL names as its target's: a type the element does not allow is an error, not a warning." };
    private readonly Option<BestPracticeHandling> _bestPractice = new("--best-practice")
    { Description = "How best-practice invariants count: Ignore, Warning (the default) or Error.", DefaultValueFactory = _ => BestPracticeHandling.Warning };
    private readonly Option<bool> _securityChecks = new("--security-checks")
    { Description = "Report strings and markdown that carry HTML tags." };

    public void AddTo(Command command)
    {
        command.Options.Add(_exampleUrls);
        command.Options.Add(_unknownExtensions);
        command.Options.Add(_unknownProfiles);
        command.Options.Add(_checkReferences);
        command.Options.Add(_trustReferenceTypes);
        command.Options.Add(_bestPractice);
        command.Options.Add(_securityChecks);
    }

    public ValidationPolicies Read(ParseResult result) => new()
    {
        ExampleUrlsAsErrors = result.GetValue(_exampleUrls),
        UnknownExtensionsAsErrors = result.GetValue(_unknownExtensions),
        UnknownProfilesAsErrors = result.GetValue(_unknownProfiles),
        CheckReferences = result.GetValue(_checkReferences),
        TrustReferenceTypes = result.GetValue(_trustReferenceTypes),
        BestPractice = result.GetValue(_bestPractice),
        SecurityChecks = result.GetValue(_securityChecks),
    };
}
