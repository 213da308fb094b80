namespace FhirGateway.FhirPath.Tests.Suite;

/// <summary>
/// The one list of HL7 suite tests this engine does not pass, each with its reason. These rows are reported
/// as skipped with the reason; everything else must pass.
/// </summary>
public static class KnownDeviations
{
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["testDollarOrderNotAllowed"] =
            "needs the optional checkOrderedFunctions mode (reject ordered functions such as skip() after children()); not implemented.",
        ["testContainedId"] =
            "the R4 definitions type Resource.id as System.String with fhir-type 'string', so the element is a FHIR string; the suite expects 'id'.",
        ["testFHIRPathAsFunction21"] =
            "expects an error for as() on several items; R4 core invariant dom-3 applies as() to whole collections (descendants().as(canonical)), so the as() function filters like ofType() (the 'as' operator still requires one item).",
        ["LowBoundaryDecimal15"] =
            "expects '-0.0'; System.Decimal has no printable negative zero (the value 0.0 is right).",
        ["HighBoundaryDateTimeMillisecond1"] =
            "the suite fills the seconds (59.999) but keeps the missing minutes at 00 for @2014-01-01T08 (its own comment calls the input not legal FHIR); we fill minutes too: 08:59:59.999.",
        ["HighBoundaryDateTimeMillisecond3"] =
            "same as HighBoundaryDateTimeMillisecond1.",
    };
}
