using System.Text;

namespace FhirGateway.FhirPath.Values;

/// <summary>A System.Date with year, month or day precision (no time, no offset).</summary>
public sealed class PartialDate : IEquatable<PartialDate>
{
    internal PartialDate(DateTimeParts parts) => Parts = parts;

    internal DateTimeParts Parts { get; }

    public int Year => Parts.Year;
    public int? Month => Parts.Precision >= DateTimePrecision.Month ? Parts.Month : null;
    public int? Day => Parts.Precision >= DateTimePrecision.Day ? Parts.Day : null;
    public DateTimePrecision Precision => Parts.Precision;

    /// <summary>Parses <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>; null when invalid.</summary>
    public static PartialDate? TryParse(string text) => DateTimeParts.TryParseDate(text, out var p) ? new PartialDate(p) : null;

    public static PartialDate FromDateTime(DateTime dt) => new(DateTimeParts.From(dt.Date, DateTimePrecision.Day, null, false));

    /// <summary>The same date as a DateTime value of the same precision.</summary>
    public PartialDateTime ToDateTime() => new(Parts);

    public override string ToString()
    {
        var sb = new StringBuilder(10);
        Parts.AppendDate(sb);
        return sb.ToString();
    }

    public bool Equals(PartialDate? other) => other is not null && DateTimeParts.Compare(Parts, other.Parts) == 0;
    public override bool Equals(object? obj) => Equals(obj as PartialDate);
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
