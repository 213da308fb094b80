using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Terminology;

namespace FhirGateway.Validation.Terminology;

/// <summary>FHIRPath memberOf() over the terminology service: true when some code of the item is in the value set, false when all are certainly not, null when it cannot be told.</summary>
internal sealed class MemberOf(ITerminologyService terminology)
{
    public bool? Check(object item, string valueSet)
    {
        var codes = item switch
        {
            ElementNode node => CodedValue.Of(node, out _),
            string code => [new CodedValue(null, code, null, null, null!)],
            _ => [],
        };
        if (codes.Count == 0) return null;
        var undecided = false;
        foreach (var c in codes)
        {
            if (c.Code is null) continue;
            switch (terminology.ValidateCode(valueSet, c.System, c.Code, null, c.Version).Outcome)
            {
                case CodeCheckOutcome.Valid: return true;
                case CodeCheckOutcome.Undecided: undecided = true; break;
            }
        }
        return undecided ? null : false;
    }
}
