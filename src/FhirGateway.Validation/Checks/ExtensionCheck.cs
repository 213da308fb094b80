using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.References;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// An extension that no slice of the profile claims: its definition is found by url and the extension is
/// validated against it, after checking that the url names an extension definition without a version, that a
/// modifier extension sits in modifierExtension (and only there), and that the host element is one of the
/// definition's contexts. An unknown extension is a warning (the options may make it an error or accept some
/// domains); an unknown modifier extension is always an error. An extension without url cannot be identified at all:
/// beside the cardinality of Extension.url, that is its own error (as the HL7 validator reports it), since nothing
/// else about the extension can then be checked.
/// </summary>
internal sealed class ExtensionCheck(bool inModifierElement) : IElementCheck
{
    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        if (node.Child("url") is null) return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValExtensionNoUrl, node));
        if (node.Child("url")?.Text is not { } url || !ReferenceText.HasScheme(url)) return CheckResult.Success;
        var (bare, version) = Canonical.Split(url);
        var schema = run.Schemas.Find(url) ?? (version is null ? null : run.Schemas.Find(bare));
        if (schema is null) return Unknown(node, url, run);
        var result = version is null ? CheckResult.Success : CheckResult.Of(IssueAt.Node(IssueCatalogue.ValExtensionVersionedUrl, node, url));
        if (schema.Type != "Extension")
            return CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValExtensionNotExtension, node, url, schema.Type)));
        var isModifier = schema.Definition.Snapshot[0].IsModifier == true;
        if (isModifier != inModifierElement)
            result = CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValExtensionModifierMismatch, node, url,
                isModifier ? "is a modifier extension and must be used in modifierExtension" : "is not a modifier extension and must not be used in modifierExtension")));
        if (run.Options.CheckExtensionContext && node.Parent is { } host)
            result = CheckResult.Combine(result, ExtensionContext.Check(schema.Definition, node, host, run));
        return CheckResult.Combine(result, run.ValidateAgainst(node, schema));
    }

    private CheckResult Unknown(ElementNode node, string url, ValidationRun run)
    {
        if (inModifierElement) return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValModifierExtensionUnknown, node, url));
        foreach (var prefix in run.Options.AllowedUnknownExtensionPrefixes)
            if (url.StartsWith(prefix, StringComparison.Ordinal)) return CheckResult.Success;
        var severity = run.Options.UnknownExtensionSeverity;
        // The core extension namespace holds, beyond R4's own, the extensions HL7 publishes for every version
        // (the hl7.fhir.uv.extensions package): one R4 does not define is unknown here, not wrong.
        if (url.StartsWith(CoreExtensionNamespace, StringComparison.Ordinal) && severity < IssueSeverity.Warning) severity = IssueSeverity.Warning;
        return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValExtensionUnknown, severity, node, url));
    }

    private const string CoreExtensionNamespace = "http://hl7.org/fhir/StructureDefinition/";
}
