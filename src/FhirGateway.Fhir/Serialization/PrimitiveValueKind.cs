using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization;

/// <summary>How a primitive's value is written in JSON: a number (integer, decimal, positiveInt, unsignedInt), a boolean, or a string (everything else).</summary>
public enum PrimitiveValueKind
{
    String,
    Number,
    Boolean,
}

public static class PrimitiveValueKinds
{
    /// <summary>
    /// The JSON kind of a primitive type's value, from the FHIRPath system type of its value element
    /// (System.Integer and System.Decimal are numbers, System.Boolean a boolean), so the definitions decide.
    /// </summary>
    public static PrimitiveValueKind Of(TypeDescriptor type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var system = type.SystemType ?? (type.Kind == TypeKind.System ? type.Name : null);
        if (system is null) return PrimitiveValueKind.String;
        var slash = system.LastIndexOf('/');
        var name = slash >= 0 ? system.AsSpan(slash + 1) : system.AsSpan();
        if (name.SequenceEqual("System.Integer") || name.SequenceEqual("System.Decimal")) return PrimitiveValueKind.Number;
        if (name.SequenceEqual("System.Boolean")) return PrimitiveValueKind.Boolean;
        return PrimitiveValueKind.String;
    }

    public static string Describe(this PrimitiveValueKind kind) => kind switch
    {
        PrimitiveValueKind.Number => "number",
        PrimitiveValueKind.Boolean => "boolean",
        _ => "string",
    };
}
