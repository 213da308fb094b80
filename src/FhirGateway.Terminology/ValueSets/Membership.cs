using FhirGateway.Fhir.Issues;
using FhirGateway.Terminology.CodeSystems;

namespace FhirGateway.Terminology.ValueSets;

/// <summary>Three-valued membership of a code in a value set (or one include rule): in, out, or undecided offline.</summary>
public enum MembershipKind
{
    Out,
    Unknown,
    In,
}

/// <summary>
/// A membership verdict: the kind, the concept matched (for the display check and flags), the system version it
/// was found in, and the issue that explains an <see cref="MembershipKind.Out"/> or <see cref="MembershipKind.Unknown"/>
/// (null where the caller words the reason itself).
/// </summary>
public readonly record struct Membership(MembershipKind Kind, Concept? Concept, Issue? Reason, string? Version = null)
{
    public static readonly Membership OutPlain = new(MembershipKind.Out, null, null);

    public static Membership In(Concept concept, string? version = null) => new(MembershipKind.In, concept, null, version);
    public static Membership Out(Issue? reason) => new(MembershipKind.Out, null, reason);
    public static Membership Unknown(Issue? reason) => new(MembershipKind.Unknown, null, reason);

    public bool IsIn => Kind == MembershipKind.In;

    /// <summary>Kleene "and" for intersections (a value set import): out beats unknown beats in; the first in's concept is kept.</summary>
    public Membership And(Membership other) =>
        Kind == MembershipKind.Out ? this
        : other.Kind == MembershipKind.Out ? other
        : Kind == MembershipKind.Unknown ? this
        : other.Kind == MembershipKind.Unknown ? other
        : this;

    /// <summary>Kleene "or" for unions (includes): in beats unknown beats out.</summary>
    public Membership Or(Membership other) =>
        Kind == MembershipKind.In ? this
        : other.Kind == MembershipKind.In ? other
        : Kind == MembershipKind.Unknown ? this
        : other.Kind == MembershipKind.Unknown ? other
        : Reason is not null ? this : other;
}
