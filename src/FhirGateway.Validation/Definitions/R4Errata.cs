using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Validation.Definitions;

/// <summary>
/// Known faults of the published R4 (4.0.1) definitions that would make valid instances fail, each corrected
/// as narrowly as possible and with the reason: a constraint whose FHIRPath contradicts its own human text,
/// and extension contexts that R4 core itself does not keep to. Anything not listed here is used as published.
/// </summary>
internal static class R4Errata
{
    private sealed record InvariantFix(string Key, string Published, string Corrected, string Reason);

    private static readonly InvariantFix[] Invariants =
    [
        new("que-12", "enableWhen.count() > 2 implies enableBehavior.exists()", "enableWhen.count() > 1 implies enableBehavior.exists()",
            "The text says 'If there are more than one enableWhen, enableBehavior must be specified'; the expression only fires from three."),
        new("txt-2", "htmlChecks()", "replaceMatches('<[^>]*>', '').replaceMatches('&[a-zA-Z#0-9]+;', 'x').trim().length() > 0 or contains('<img')",
            "The text says 'The narrative SHALL have some non-whitespace content', but R4 gives it txt-1's expression (htmlChecks()), so one unsafe narrative failed twice."),
        new("eld-11", "binding.empty() or type.code.empty() or type.select((code = 'code') or (code = 'Coding') or (code='CodeableConcept') or (code = 'Quantity') or (code = 'string') or (code = 'uri')).exists()",
            "binding.empty() or type.code.empty() or type.where(code = 'code' or code = 'Coding' or code = 'CodeableConcept' or code = 'Quantity' or code = 'string' or code = 'uri' or code = 'canonical' or code = 'Duration' or code.contains(':')).exists()",
            "select() keeps the false results, so the published expression holds for every typed element; the text says 'Binding can only be present for coded elements, string, and uri'."),
        new("dom-6", "text.`div`.exists()", "text.`div`.exists() or %rootResource.contained.where(id = %resource.id).exists()",
            "'A resource should have narrative' is about resources managed on their own; a contained resource's narrative is its container's."),
    ];

    /// <summary>The expression to evaluate for a constraint: the correction when the published one is a known fault, else as published.</summary>
    public static string Expression(ConstraintInfo constraint)
    {
        foreach (var fix in Invariants)
            if (fix.Key == constraint.Key && fix.Published == constraint.Expression) return fix.Corrected;
        return constraint.Expression!;
    }

    private static readonly Dictionary<string, string[]> ExtraCodes = new(StringComparer.Ordinal)
    {
        // R4 names formats by these short forms where it binds to mime types: CapabilityStatement.format says
        // "xml | json | ttl | mime type", and the R4 TestScript examples use them for accept and contentType.
        ["http://hl7.org/fhir/ValueSet/mimetypes"] = ["xml", "json", "ttl"],
    };

    /// <summary>Codes the specification uses with a required value set that the value set itself leaves out.</summary>
    public static bool AllowsCode(string valueSet, string? code) =>
        code is not null && ExtraCodes.TryGetValue(Canonical.Split(valueSet).Url, out var codes) && codes.Contains(code, StringComparer.Ordinal);

    private static readonly Dictionary<string, string[]> ExtraContexts = new(StringComparer.Ordinal)
    {
        // R4 core puts these on ElementDefinition.type itself (every system-typed element of every snapshot),
        // while their definitions name ElementDefinition.type.code or ElementDefinition only.
        ["http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type"] = ["ElementDefinition.type"],
        ["http://hl7.org/fhir/StructureDefinition/regex"] = ["ElementDefinition.type"],
    };

    /// <summary>The contexts an extension may be used in: its definition's, plus those R4 core itself uses it in.</summary>
    public static IReadOnlyList<ContextInfo> Contexts(StructureDefinitionInfo extension) =>
        ExtraContexts.TryGetValue(extension.Url, out var extra)
            ? [.. extension.Contexts, .. extra.Select(e => new ContextInfo("element", e))]
            : extension.Contexts;
}
