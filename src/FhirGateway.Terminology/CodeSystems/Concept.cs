using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Terminology.CodeSystems;

/// <summary>
/// One concept as terminology sees it: code, display, designations, property values, flags and its place in
/// the hierarchy. Built by <see cref="CodeSystemIndex"/> (or from a value set's concept list for systems not
/// held), then only read: thread-safe once published.
/// </summary>
public sealed class Concept
{
    private static readonly IReadOnlyList<Concept> None = [];
    private List<Concept>? _parents;
    private List<Concept>? _children;

    public Concept(string code, string? display, IReadOnlyList<DesignationInfo>? designations = null,
        IReadOnlyList<PropertyValue>? properties = null, ConceptFlags flags = ConceptFlags.None)
    {
        Code = code;
        Display = display;
        Designations = designations ?? [];
        Properties = properties ?? [];
        Flags = flags;
    }

    public string Code { get; }
    public string? Display { get; }
    public IReadOnlyList<DesignationInfo> Designations { get; }
    public IReadOnlyList<PropertyValue> Properties { get; }
    public ConceptFlags Flags { get; }

    /// <summary>
    /// True when the display and designations are the code system's own (a held CodeSystem), so a display that
    /// matches none of them is wrong. False for codes known only from a value set's list or a shipped expansion
    /// (LOINC, SNOMED CT…), where other displays may be just as right.
    /// </summary>
    public bool DisplaysKnown { get; init; } = true;
    public IReadOnlyList<Concept> Parents => _parents ?? None;
    public IReadOnlyList<Concept> Children => _children ?? None;

    public bool IsInactive => (Flags & ConceptFlags.Inactive) != 0;
    public bool IsNotSelectable => (Flags & ConceptFlags.NotSelectable) != 0;

    /// <summary>The values of one property (a concept may carry a property more than once).</summary>
    public IEnumerable<string> ValuesOf(string property)
    {
        foreach (var p in Properties)
            if (p.Code == property) yield return p.Value;
    }

    /// <summary>Links parent and child; only while the index that owns both is being built.</summary>
    internal static void Link(Concept parent, Concept child)
    {
        if (ReferenceEquals(parent, child)) return;
        parent._children ??= [];
        if (!parent._children.Contains(child)) parent._children.Add(child);
        child._parents ??= [];
        if (!child._parents.Contains(parent)) child._parents.Add(parent);
    }

    public override string ToString() => Display is null ? Code : $"{Code} ({Display})";
}
