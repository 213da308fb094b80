using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Slicing;

/// <summary>Whether an instance element belongs to a slice: one discriminator, or all of several.</summary>
internal interface ISliceCondition
{
    bool Matches(ElementNode item, ValidationRun run);
}
