using System.Text;

namespace FhirGateway.FhirPath.Values;

/// <summary>A System.DateTime of any precision from year to fractions of a second, with an optional offset.</summary>
public sealed class PartialDateTime : IEquatable<PartialDateTime>
{
    internal PartialDateTime(DateTimeParts parts) => Parts = parts;

    internal DateTimeParts Parts { get; }

    public DateTimePrecision Precision => Parts.Precision;
    public TimeSpan? Offset => Parts.Offset;

    /// <summary>Parses the FHIR/FHIRPath form <c>yyyy[-MM[-dd]][T[HH[:mm[:ss[.f+]]]][Z|±hh:mm]]</c>; null when invalid.</summary>
    public static PartialDateTime? TryParse(string text)
    {
        var t = text.IndexOf('T');
        var datePart = t < 0 ? text.AsSpan() : text.AsSpan(0, t);
        if (!DateTimeParts.TryParseDate(datePart, out var parts)) return null;
        if (t < 0 || t == text.Length - 1) return new PartialDateTime(parts);
        if (parts.Precision != DateTimePrecision.Day) return null;
        var rest = text.AsSpan(t + 1);
        var zone = rest.IndexOfAny('Z', '+', '-');
        var timePart = zone < 0 ? rest : rest[..zone];
        if (!DateTimeParts.TryParseTime(timePart, ref parts)) return null;
        if (zone >= 0)
        {
            if (!DateTimeParts.TryParseOffset(rest[zone..], out var offset)) return null;
            parts = parts with { Offset = offset };
        }
        return new PartialDateTime(parts);
    }

    public static PartialDateTime FromDateTimeOffset(DateTimeOffset now) =>
        new(DateTimeParts.From(now.DateTime, DateTimePrecision.Second, now.Offset, true));

    /// <summary>The date part (precision capped at day).</summary>
    public PartialDate ToDate() =>
        new(Parts with { Hour = 0, Minute = 0, Second = 0, Fraction = null, Offset = null, Precision = Parts.Precision > DateTimePrecision.Day ? DateTimePrecision.Day : Parts.Precision });

    public override string ToString()
    {
        var sb = new StringBuilder(29);
        Parts.AppendDate(sb);
        if (Parts.Precision >= DateTimePrecision.Hour)
        {
            sb.Append('T');
            Parts.AppendTime(sb);
            Parts.AppendOffset(sb);
        }
        return sb.ToString();
    }

    public bool Equals(PartialDateTime? other) => other is not null && DateTimeParts.Compare(Parts, other.Parts) == 0;
    public override bool Equals(object? obj) => Equals(obj as PartialDateTime);
    public override int GetHashCode() => Parts.Year;
}
