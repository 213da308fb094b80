namespace FhirGateway.Terminology.CodeSystems;

/// <summary>What a code system says about a concept's use: inactive, deprecated, not selectable (abstract).</summary>
[Flags]
public enum ConceptFlags
{
    None = 0,
    /// <summary>Retired or marked <c>inactive</c>: should not be used in new data.</summary>
    Inactive = 1,
    /// <summary>Deprecated (status or deprecation date): still valid, on its way out.</summary>
    Deprecated = 2,
    /// <summary>A grouper that is not meant to be recorded itself (<c>notSelectable</c>, <c>abstract</c>).</summary>
    NotSelectable = 4,
}
