using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Terminology;
using FhirGateway.Terminology.CodeSystems;

namespace FhirGateway.Terminology.ValueSets;

/// <summary>
/// The pre-computed expansion a package ships with a value set (R4 core: hl7.fhir.r4.expansions), flattened and
/// indexed by system and code. Used where composing is impossible offline (SNOMED CT filters, whole external systems).
/// </summary>
public sealed class ShippedExpansion
{
    private readonly ValueSetExpansion _expansion;

    private ShippedExpansion(ValueSetExpansion expansion, int? total)
    {
        _expansion = expansion;
        Total = total;
    }

    public IReadOnlyList<ExpandedCode> Codes => _expansion.Codes;
    public int? Total { get; }

    /// <summary>Complete only when the expansion says how many codes there are and holds them all.</summary>
    public bool IsComplete => Total is { } total && total == Codes.Count;

    /// <summary>The shipped expansion of <paramref name="valueSet"/>, or null when it has none with codes.</summary>
    public static ShippedExpansion? From(ValueSetInfo valueSet)
    {
        if (valueSet.Expansion is not { } expansion) return null;
        var codes = new List<ExpandedCode>();
        Flatten(expansion.Contains, codes);
        return codes.Count == 0 ? null : new ShippedExpansion(new ValueSetExpansion(valueSet.Canonical, codes), expansion.Total);
    }

    public ExpandedCode? Find(string system, string code) => _expansion.Find(system, code);

    public static Concept ToConcept(ExpandedCode code) => new(code.Code, code.Display, flags:
        (code.Inactive ? ConceptFlags.Inactive : ConceptFlags.None) | (code.Abstract ? ConceptFlags.NotSelectable : ConceptFlags.None))
    {
        DisplaysKnown = false,
    };

    private static void Flatten(IReadOnlyList<ExpansionContainsInfo> contains, List<ExpandedCode> into)
    {
        foreach (var c in contains)
        {
            if (c.System is not null && c.Code is not null)
                into.Add(new ExpandedCode(c.System, c.Code, c.Display, c.Version, c.Abstract, c.Inactive));
            Flatten(c.Contains, into);
        }
    }
}
