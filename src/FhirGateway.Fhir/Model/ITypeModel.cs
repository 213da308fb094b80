namespace FhirGateway.Fhir.Model;

/// <summary>
/// The FHIR types of one set of definitions (R4 core, plus whatever types an extra package defines),
/// as <see cref="TypeDescriptor"/>s. Implementations build each descriptor once and are thread-safe.
/// </summary>
public interface ITypeModel
{
    /// <summary>The descriptor of a type by name or type code (<c>Patient</c>, <c>HumanName</c>, <c>string</c>), or null when unknown.</summary>
    TypeDescriptor? FindType(string typeName);

    /// <summary>True when <paramref name="typeName"/> is <paramref name="ancestorName"/> or derives from it (<c>Age</c> is a <c>Quantity</c>, <c>Patient</c> is a <c>DomainResource</c>).</summary>
    bool IsSameOrSubtype(string typeName, string ancestorName);
}
