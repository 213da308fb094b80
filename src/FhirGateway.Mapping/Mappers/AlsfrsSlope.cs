namespace FhirGateway.Mapping.Mappers;

/// <summary>The ALSFRS-R slope the gateway derives (alsfrs-r-slope), in one place for the mapper and the pipeline's check of it.</summary>
public static class AlsfrsSlope
{
    /// <summary>The mean month of UCUM (<c>mo</c> = 1/12 of a Julian year), in days.</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>Points per month from the baseline total to a later total, to two decimals (half away from zero).</summary>
    public static decimal PerMonth(int baselineTotal, DateTimeOffset baselineAt, int total, DateTimeOffset at) =>
        decimal.Round((total - baselineTotal) / (decimal)Months(baselineAt, at), 2, MidpointRounding.AwayFromZero);

    public static double Months(DateTimeOffset from, DateTimeOffset to) => (to - from).TotalDays / DaysPerMonth;
}
