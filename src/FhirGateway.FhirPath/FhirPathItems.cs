using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath;

/// <summary>
/// How callers (the CLI, the validator's messages) read the items of a result: FHIR elements are
/// <see cref="ElementNode"/>s; computed values are System values (<c>bool</c>, <c>int</c>, <c>decimal</c>, <c>string</c>,
/// <see cref="PartialDate"/>, <see cref="PartialDateTime"/>, <see cref="PartialTime"/>, <see cref="Quantity"/>).
/// </summary>
public static class FhirPathItems
{
    /// <summary>
    /// The type name of an item: the FHIR type for elements (<c>code</c>, <c>HumanName</c>, <c>Patient</c>); for System values
    /// <c>boolean</c>, <c>integer</c>, <c>decimal</c>, <c>string</c>, <c>date</c>, <c>dateTime</c>, <c>time</c> or <c>Quantity</c>.
    /// </summary>
    public static string TypeName(object item) => item switch
    {
        ElementNode n => n.InstanceType ?? "Element",
        bool => "boolean",
        int or long => "integer",
        decimal => "decimal",
        string => "string",
        PartialDate => "date",
        PartialDateTime => "dateTime",
        PartialTime => "time",
        Quantity => "Quantity",
        TypeInfoValue => "TypeInfo",
        _ => item.GetType().Name,
    };

    /// <summary>
    /// The System value of an item: a FHIR primitive's value as its System type (null when it has only extensions), a FHIR
    /// Quantity as a <see cref="Quantity"/>; other elements and System values are returned as they are.
    /// </summary>
    public static object? ToSystemValue(object item) => Items.ToSystem(item);

    /// <summary>
    /// The text of a value: decimals in their exact lexical form (<c>1.50</c>), dates and times without <c>@</c>, a
    /// quantity as <c>5.4 'mg'</c>, a primitive element's lexical value; null for an element without a value.
    /// </summary>
    public static string? Format(object item) => item switch
    {
        ElementNode n => n.Text,
        _ => Items.Format(item),
    };
}
