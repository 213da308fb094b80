using FhirGateway.Terminology.CodeSystems;

namespace FhirGateway.Terminology.ValueSets.Filters;

/// <summary>A filter that is membership of a set of concepts computed once at compile time (a subtree, or its complement).</summary>
public abstract class ConceptSetFilter(IReadOnlySet<Concept> set, bool negate) : IConceptFilter
{
    public bool Matches(Concept concept) => set.Contains(concept) != negate;

    protected static HashSet<Concept> Set(IEnumerable<Concept> concepts) => new(concepts, ReferenceEqualityComparer.Instance);
}

/// <summary><c>is-a</c>: the concept and everything below it.</summary>
public sealed class IsAFilter(Concept? root) : ConceptSetFilter(root is null ? Set([]) : Set(CodeSystemIndex.SelfAndDescendants(root)), false);

/// <summary><c>descendent-of</c>: everything below the concept, not the concept itself.</summary>
public sealed class DescendentOfFilter(Concept? root)
    : ConceptSetFilter(root is null ? Set([]) : Set(CodeSystemIndex.SelfAndDescendants(root).Where(c => !ReferenceEquals(c, root))), false);

/// <summary><c>is-not-a</c>: every concept that is not the concept or below it.</summary>
public sealed class IsNotAFilter(Concept? root) : ConceptSetFilter(root is null ? Set([]) : Set(CodeSystemIndex.SelfAndDescendants(root)), true);

/// <summary><c>generalizes</c>: the concept and everything above it.</summary>
public sealed class GeneralizesFilter(Concept? root) : ConceptSetFilter(root is null ? Set([]) : Set(CodeSystemIndex.SelfAndAncestors(root)), false);
