namespace FhirGateway.FhirPath.Tests.Suite;

/// <summary>
/// The one list of HL7 suite tests this engine does not pass, each with its reason. These rows are reported
/// as skipped with the reason; everything else must pass.
/// </summary>
public static class KnownDeviations
{
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["testFHIRPathAsFunction21"] =
            "expects an error for as() on several items; the HL7 reference validator enforces that rule only from R5, because R4 core invariants (dom-3: descendants().as(canonical)) and R4 search parameters apply as() to collections. FhirPathOptions.EnforceAsSingleton turns the rule on; the default is R4's.",
        ["HighBoundaryDateTimeMillisecond1"] =
            "the suite expects 08:00:59.999 for @2014-01-01T08.highBoundary(17); the FHIRPath specification's own example for this expression gives 08:59:59.999 (the greatest value the hour holds), which is what the engine returns.",
        ["HighBoundaryDateTimeMillisecond3"] =
            "same expression and dispute as HighBoundaryDateTimeMillisecond1.",
    };
}
