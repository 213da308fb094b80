namespace FhirGateway.FhirPath.Values;

/// <summary>How much of a date/time value is known. Seconds and fractions of a second count as one precision (spec: "seconds and milliseconds are a single precision").</summary>
public enum DateTimePrecision
{
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
}
