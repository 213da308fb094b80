using FhirGateway.Terminology.CodeSystems;

namespace FhirGateway.Terminology.ValueSets.Filters;

/// <summary>One compiled compose filter over a held code system: does a concept pass? Immutable and thread-safe.</summary>
public interface IConceptFilter
{
    bool Matches(Concept concept);
}
