using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Operators;

/// <summary>Comparison of dates, dateTimes and times; a date compares with a dateTime as a dateTime of day precision.</summary>
internal static class DateTimes
{
    /// <summary>True when both are date/time values that can be compared; <paramref name="result"/> is null when precision makes the answer unknown.</summary>
    public static bool TryCompare(object x, object y, out int? result)
    {
        result = null;
        switch (x)
        {
            case PartialDate a when y is PartialDate b:
                result = DateTimeParts.Compare(a.Parts, b.Parts);
                return true;
            case PartialDate a when y is PartialDateTime b:
                result = DateTimeParts.Compare(a.Parts, b.Parts);
                return true;
            case PartialDateTime a when y is PartialDate b:
                result = DateTimeParts.Compare(a.Parts, b.Parts);
                return true;
            case PartialDateTime a when y is PartialDateTime b:
                result = DateTimeParts.Compare(a.Parts, b.Parts);
                return true;
            case PartialTime a when y is PartialTime b:
                result = PartialTime.Compare(a, b);
                return true;
            default:
                return false;
        }
    }
}
