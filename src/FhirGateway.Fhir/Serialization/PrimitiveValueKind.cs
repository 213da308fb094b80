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
    /// The JSON kind of a primitive type's value: a number when the type or a type it derives from has a value
    /// element of FHIRPath type System.Integer or System.Decimal (so positiveInt and unsignedInt, whose R4
    /// definitions give System.String, are numbers through their base type integer), a boolean for System.Boolean,
    /// a string otherwise. The definitions decide through the base-type chain.
    /// </summary>
    public static PrimitiveValueKind Of(TypeDescriptor type, ITypeModel model)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(model);
        var depth = 0;
        for (var t = type; t is not null && depth++ < 32; t = t.BaseTypeName is { } b ? model.FindType(b) : null)
        {
            var kind = OfSystemType(t.SystemType ?? (t.Kind == TypeKind.System ? t.Name : null));
            if (kind != PrimitiveValueKind.String) return kind;
        }
        return PrimitiveValueKind.String;
    }

    private static PrimitiveValueKind OfSystemType(string? system)
    {
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
