namespace FhirGateway.Mapping.Fhir;

/// <summary>
/// A resource as others point at it: its type and business identifier, from which its deterministic id follows.
/// Mapped resources reference each other as <c>Type/id</c> and carry the identifier too, so the bundle builder can
/// turn a reference into a <c>urn:uuid</c> (target in the bundle) or a logical reference (target delivered before).
/// </summary>
public readonly record struct ResourceKey(string Type, BusinessIdentifier Identifier)
{
    public string Id => DeterministicIds.For(Type, Identifier);

    public string Reference => $"{Type}/{Id}";

    public override string ToString() => $"{Type}?identifier={Identifier}";
}
