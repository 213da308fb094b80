using FhirGateway.Terminology.CodeSystems;

namespace FhirGateway.Terminology.Validation;

/// <summary>
/// Whether a display is right for a concept: it matches the concept's display or one of its designations,
/// ignoring case and runs of white space (as the HL7 validator compares by default).
/// </summary>
internal static class DisplayCheck
{
    public static bool Matches(Concept concept, string display)
    {
        if (!concept.DisplaysKnown || (concept.Display is null && concept.Designations.Count == 0)) return true;
        if (Same(concept.Display ?? "", display)) return true;
        var wanted = Normalise(display);
        if (concept.Display is not null && Same(Normalise(concept.Display), wanted)) return true;
        foreach (var d in concept.Designations)
            if (Same(Normalise(d.Value), wanted)) return true;
        return false;
    }

    /// <summary>The displays that would be right, for the message: the display, then up to three designations.</summary>
    public static string Expected(Concept concept)
    {
        var others = concept.Designations.Select(d => d.Value).Where(v => v != concept.Display).Distinct().Take(3).ToList();
        var main = concept.Display ?? others.FirstOrDefault() ?? "";
        others.Remove(main);
        return others.Count == 0 ? main : $"{main}' (or '{string.Join("', '", others)}')";
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
