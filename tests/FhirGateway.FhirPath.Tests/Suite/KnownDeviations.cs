namespace FhirGateway.FhirPath.Tests.Suite;

/// <summary>
/// The one list of HL7 suite tests this engine does not pass, each with its reason. These rows are reported
/// as skipped with the reason; everything else must pass.
/// </summary>
public static class KnownDeviations
{
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };
}
