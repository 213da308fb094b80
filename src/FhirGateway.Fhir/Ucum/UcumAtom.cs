namespace FhirGateway.Fhir.Ucum;

/// <summary>
/// One UCUM unit atom as the specification's table gives it: code, whether it takes prefixes (metric), class,
/// special (non-ratio scale, e.g. Cel) and arbitrary (e.g. [iU]) flags, property, name, and its definition as a
/// value times a unit term (or, for special units, a function), enough to serve unit conversion later.
/// </summary>
public sealed record UcumAtom(string Code, bool IsMetric, string? Class, bool IsSpecial, bool IsArbitrary, string Property,
    string Name, string? Value, string? Unit, string? Function)
{
    public bool IsBase => Class is null && Value is null && Unit is null;
}

/// <summary>A UCUM prefix: code (<c>k</c>, <c>da</c>, <c>Ki</c>), name and factor as written (<c>1e3</c>).</summary>
public sealed record UcumPrefix(string Code, string Name, string Value);
