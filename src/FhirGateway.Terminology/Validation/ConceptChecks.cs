using FhirGateway.Fhir.Issues;
using FhirGateway.Terminology.CodeSystems;

namespace FhirGateway.Terminology.Validation;

/// <summary>The checks on a code that was found: its display (a wrong one is a warning), and inactive, deprecated or abstract concepts.</summary>
internal static class ConceptChecks
{
    public static List<Issue>? For(string system, Concept concept, string? display)
    {
        if (concept.Flags == ConceptFlags.None && (display is null || DisplayCheck.Matches(concept, display))) return null;
        var issues = new List<Issue>();
        var coding = $"{system}#{concept.Code}";
        if (display is not null && !DisplayCheck.Matches(concept, display))
            issues.Add(IssueCatalogue.TxDisplayWrong.At(null, display, coding, DisplayCheck.Expected(concept)));
        if ((concept.Flags & ConceptFlags.Inactive) != 0)
            issues.Add(IssueCatalogue.TxCodeInactive.At(null, coding, ConceptStatus.Describe(concept.Flags & ConceptFlags.Inactive)));
        else if ((concept.Flags & ConceptFlags.Deprecated) != 0)
            issues.Add(IssueCatalogue.TxCodeDeprecated.At(null, coding));
        if (concept.IsNotSelectable) issues.Add(IssueCatalogue.TxCodeAbstract.At(null, coding));
        return issues;
    }
}
