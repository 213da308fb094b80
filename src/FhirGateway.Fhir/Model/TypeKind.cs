namespace FhirGateway.Fhir.Model;

/// <summary>What kind of type a <see cref="TypeDescriptor"/> describes (StructureDefinition.kind, plus backbone elements and the FHIRPath system types).</summary>
public enum TypeKind
{
    /// <summary>A FHIR primitive (<c>string</c>, <c>decimal</c>, <c>code</c>…): a JSON value plus optional <c>_name</c> id and extensions.</summary>
    Primitive,
    /// <summary>A FHIR complex data type (<c>HumanName</c>, <c>Quantity</c>, <c>Extension</c>…).</summary>
    Complex,
    /// <summary>A resource (<c>Patient</c>, <c>Bundle</c>, abstract <c>Resource</c> and <c>DomainResource</c>).</summary>
    Resource,
    /// <summary>An element defined inline in its structure (<c>Observation.component</c>), of type BackboneElement or Element.</summary>
    Backbone,
    /// <summary>A FHIRPath system type used for attributes such as <c>Element.id</c> and <c>Extension.url</c>.</summary>
    System,
    /// <summary>A logical model.</summary>
    Logical,
}
