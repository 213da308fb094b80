using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Results;

namespace FhirGateway.Validation.Schema;

/// <summary>
/// The compiled form of one ElementDefinition: the checks its builders made, in order (type, own value checks,
/// invariants, then children). An element of a type the definition does not allow gets only that issue: its
/// other checks are written for the allowed types. Immutable; shared by every validation.
/// </summary>
internal sealed class ElementSchema : IElementCheck
{
    private readonly TypeCheck? _typeGate;

    private readonly IElementCheck[] _checks;

    public ElementSchema(ElementDefinitionInfo definition, IReadOnlyList<IElementCheck> checks)
    {
        Definition = definition;
        _checks = [.. checks];
        _typeGate = checks.OfType<TypeCheck>().FirstOrDefault();
    }

    public ElementDefinitionInfo Definition { get; }

    public IReadOnlyList<IElementCheck> Checks => _checks;

    /// <summary>The element id (<c>Observation.code.coding:loinc</c>), for messages.</summary>
    public string Id => Definition.Id ?? Definition.Path;

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        using var scope = run.Enter(node, this);
        if (_typeGate is not null && !_typeGate.Allows(node, run)) return _typeGate.Validate(node, run);
        var result = CheckResult.Success;
        foreach (var check in _checks) result = CheckResult.Combine(result, check.Validate(node, run));
        return result;
    }

    /// <summary>
    /// Validates <paramref name="node"/> against this schema used as the type of an element: invariants the
    /// element already checks (<paramref name="skipConstraints"/>) are left out, and so are the children when the
    /// element's own definition lists them inline.
    /// </summary>
    public CheckResult ValidateAsType(ElementNode node, ValidationRun run, IReadOnlyList<string> skipConstraints, bool withChildren)
    {
        var result = CheckResult.Success;
        foreach (var check in _checks)
        {
            if (!withChildren && check is ChildrenCheck) continue;
            if (check is InvariantCheck invariant && Contains(skipConstraints, invariant.Key)) continue;
            result = CheckResult.Combine(result, check.Validate(node, run));
        }
        return result;
    }

    private static bool Contains(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
            if (string.Equals(keys[i], key, StringComparison.Ordinal)) return true;
        return false;
    }

    public override string ToString() => Id;
}
