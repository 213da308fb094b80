using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;

namespace FhirGateway.Validation.Schema;

/// <summary>
/// One compiled check on one instance element (cardinality of its children, its type, a fixed value, an
/// invariant…). Implementations are small, immutable and thread-safe: everything that varies per validation
/// lives in the <see cref="ValidationRun"/>.
/// </summary>
internal interface IElementCheck
{
    CheckResult Validate(ElementNode node, ValidationRun run);
}
