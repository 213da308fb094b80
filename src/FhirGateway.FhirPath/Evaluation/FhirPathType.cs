using FhirGateway.Fhir.Model;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>
/// A type specifier resolved at compile time. An unqualified name may denote both a FHIR type and a System type
/// (<c>Quantity</c>): FHIR elements are matched against <see cref="FhirName"/>, System values against <see cref="SystemName"/>.
/// </summary>
internal sealed record FhirPathType(string? FhirName, string? SystemName, string Text)
{
    public static readonly HashSet<string> SystemTypes = ["Boolean", "String", "Integer", "Decimal", "Date", "DateTime", "Time", "Quantity", "Any"];

    /// <summary>True when the item is an instance of this type (FHIR elements by their type code and the model's hierarchy).</summary>
    /// <param name="exactPrimitives">For as()/ofType(): a FHIR primitive matches only its own type (a <c>code</c> is not taken as a <c>string</c>), as the HL7 suite expects.</param>
    /// <param name="primitivesAsSystem">A FHIR primitive also matches the System type of its value (<see cref="FhirPathOptions.PrimitivesAsSystemTypes"/>).</param>
    public bool Matches(object item, ITypeModel? model, bool exactPrimitives = false, bool primitivesAsSystem = false)
    {
        if (item is ElementNode node)
        {
            if (primitivesAsSystem && SystemName is not null && node.IsPrimitive && node.Type?.SystemType is { } system
                && system.Length == SystemName.Length + 7 && system.EndsWith(SystemName, StringComparison.Ordinal) && system.StartsWith("System.", StringComparison.Ordinal))
                return true;
            if (FhirName is null || node.InstanceType is not { } type) return false;
            if (type == FhirName) return true;
            if (exactPrimitives && node.IsPrimitive) return false;
            if (model is not null) return model.IsSameOrSubtype(type, FhirName);
            return (FhirName is "Resource" or "DomainResource" && node.IsResource) || (FhirName == "Element" && !node.IsResource)
                || (FhirName == "BackboneElement" && node.Type?.Kind == TypeKind.Backbone);
        }
        return SystemName is not null && (SystemName == "Any" || Items.SystemTypeName(item) == SystemName);
    }
}

/// <summary>What type() returns: a namespace and a name (the spec's SimpleTypeInfo/ClassInfo, reduced to what paths read).</summary>
public sealed record TypeInfoValue(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}.{Name}";
}
