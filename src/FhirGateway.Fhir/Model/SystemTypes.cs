namespace FhirGateway.Fhir.Model;

/// <summary>The FHIRPath system types (<c>System.String</c>…) as descriptors, and the mapping from their type codes in definitions.</summary>
internal static class SystemTypes
{
    public const string UrlPrefix = "http://hl7.org/fhirpath/";

    /// <summary>Each system type and the FHIR primitive its values are written as when a definition does not say.</summary>
    private static readonly (string Name, string FhirType)[] Known =
    [
        ("System.Boolean", "boolean"), ("System.String", "string"), ("System.Integer", "integer"), ("System.Long", "integer64"),
        ("System.Decimal", "decimal"), ("System.Date", "date"), ("System.DateTime", "dateTime"), ("System.Time", "time"),
        ("System.Quantity", "Quantity"),
    ];

    private static readonly Dictionary<string, TypeDescriptor> Descriptors = Known.ToDictionary(
        k => k.Name,
        k => new TypeDescriptor { Name = k.Name, TypeCode = k.Name, Kind = TypeKind.System, Properties = [], SystemType = k.Name },
        StringComparer.Ordinal);

    /// <summary>The system type named <c>System.X</c> or <c>http://hl7.org/fhirpath/System.X</c>, or null.</summary>
    public static TypeDescriptor? Find(string name) =>
        Descriptors.GetValueOrDefault(name.StartsWith(UrlPrefix, StringComparison.Ordinal) ? name[UrlPrefix.Length..] : name);

    /// <summary>The system type name of a definition type code (<c>http://hl7.org/fhirpath/System.Decimal</c> → <c>System.Decimal</c>), or null when it is a FHIR type.</summary>
    public static string? NameOf(string code) =>
        code.StartsWith(UrlPrefix, StringComparison.Ordinal) ? code[UrlPrefix.Length..] : code.StartsWith("System.", StringComparison.Ordinal) ? code : null;

    /// <summary>The FHIR primitive a system-typed element is written as when no fhir-type extension says (<c>xhtml.id</c>).</summary>
    public static string FhirTypeOf(string systemName)
    {
        foreach (var (name, fhirType) in Known)
            if (name == systemName) return fhirType;
        return "string";
    }
}
