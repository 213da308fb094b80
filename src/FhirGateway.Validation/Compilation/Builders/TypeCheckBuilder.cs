using FhirGateway.Fhir.Definitions;
using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>ElementDefinition.type → <see cref="TypeCheck"/>: the allowed type codes (system types by their FHIR type) and their profiles.</summary>
internal sealed class TypeCheckBuilder : ICheckBuilder
{
    private const string SystemPrefix = "http://hl7.org/fhirpath/";

    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        var types = element.Element.Types;
        if (types.Count == 0 || element.IsRoot) return;
        var allowed = types.Select(t => new AllowedType(FhirTypeOf(t), t.Profiles)).ToArray();
        var keys = element.Element.Constraints.Select(c => c.Key).ToArray();
        checks.Add(new TypeCheck(allowed, keys, element.HasInlineChildren));
    }

    /// <summary>The FHIR type code instances carry: a system type (<c>http://hl7.org/fhirpath/System.String</c>) by its fhir-type extension or its usual primitive.</summary>
    public static string FhirTypeOf(TypeRefInfo type)
    {
        if (type.FhirTypeExtension is { } named) return named;
        if (!type.Code.StartsWith(SystemPrefix, StringComparison.Ordinal)) return type.Code;
        return type.Code[SystemPrefix.Length..] switch
        {
            "System.Boolean" => "boolean",
            "System.Integer" => "integer",
            "System.Decimal" => "decimal",
            "System.Date" => "date",
            "System.DateTime" => "dateTime",
            "System.Time" => "time",
            _ => "string",
        };
    }
}
