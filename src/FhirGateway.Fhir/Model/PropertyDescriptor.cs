using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Fhir.Model;

/// <summary>
/// One property of a type as the definitions describe it: <c>Observation.value[x]</c>, <c>Patient.name</c>,
/// <c>Observation.component</c>. Immutable; built once per type by the type model.
/// </summary>
public sealed class PropertyDescriptor
{
    /// <summary>The property name without <c>[x]</c>: <c>value</c>, <c>name</c>, <c>component</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The element path in its defining structure: <c>Observation.value[x]</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Position in definition order; writers emit properties in this order.</summary>
    public required int Order { get; init; }

    /// <summary>True for <c>[x]</c> properties, whose wire name carries the type (<c>valueQuantity</c>).</summary>
    public bool IsChoice { get; init; }

    /// <summary>True when the definition allows more than one value (max is not "1"): a JSON array.</summary>
    public bool IsCollection { get; init; }

    public int Min { get; init; }

    /// <summary>The maximum cardinality as written: "1", "*", "0".</summary>
    public string Max { get; init; } = "1";

    /// <summary>
    /// The FHIR type codes the property allows, in definition order. System-typed attributes carry the
    /// FHIR type named by their structuredefinition-fhir-type extension (<c>Element.id</c> gives <c>string</c>,
    /// <c>Extension.url</c> gives <c>uri</c>). Backbone properties give <c>BackboneElement</c> or <c>Element</c>.
    /// </summary>
    public required IReadOnlyList<string> TypeCodes { get; init; }

    /// <summary>True when the definition says <c>representation: xmlAttr</c> (<c>Element.id</c>, <c>Extension.url</c>): a plain JSON value that takes no <c>_name</c> companion.</summary>
    public bool IsXmlAttribute { get; init; }

    /// <summary>True for <c>Narrative.div</c> (type xhtml): a JSON string holding the xhtml.</summary>
    public bool IsXhtml { get; init; }

    /// <summary>True for properties whose value is a resource (<c>contained</c>, <c>Bundle.entry.resource</c>, <c>Parameters.parameter.resource</c>): the JSON object names its own <c>resourceType</c>.</summary>
    public bool IsResourceContainer { get; init; }

    /// <summary>For a backbone element (and a <c>contentReference</c>), the descriptor of its inline type; null otherwise.</summary>
    public TypeDescriptor? NestedType { get; init; }

    public bool IsModifier { get; init; }

    public bool IsSummary { get; init; }

    /// <summary>The element definition in the base structure's snapshot.</summary>
    public required ElementDefinitionInfo Definition { get; init; }

    public override string ToString() => Path;
}
