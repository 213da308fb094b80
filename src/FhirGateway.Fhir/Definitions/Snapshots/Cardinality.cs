namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>Reads max values ("*", "1", "0") for comparison.</summary>
internal static class Cardinality
{
    public static int MaxOf(string? max) =>
        max is null or "*" ? int.MaxValue : int.TryParse(max, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : int.MaxValue;
}
