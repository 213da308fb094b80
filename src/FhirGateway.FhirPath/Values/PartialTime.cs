using System.Text;

namespace FhirGateway.FhirPath.Values;

/// <summary>A System.Time (time of day) of hour, minute or second precision, with an optional fraction; no offset.</summary>
public sealed class PartialTime : IEquatable<PartialTime>
{
    internal PartialTime(DateTimeParts parts) => Parts = parts;

    internal DateTimeParts Parts { get; }

    public DateTimePrecision Precision => Parts.Precision;

    /// <summary>Parses <c>HH[:mm[:ss[.f+]]]</c> (without the <c>T</c>); null when invalid.</summary>
    public static PartialTime? TryParse(string text)
    {
        var parts = new DateTimeParts(1, 1, 1, 0, 0, 0, null, DateTimePrecision.Hour, null);
        return DateTimeParts.TryParseTime(text, ref parts) ? new PartialTime(parts) : null;
    }

    public static PartialTime FromTimeOfDay(DateTime dt) =>
        new(DateTimeParts.From(new DateTime(1, 1, 1, dt.Hour, dt.Minute, dt.Second, dt.Millisecond), DateTimePrecision.Second, null, true));

    public override string ToString()
    {
        var sb = new StringBuilder(12);
        Parts.AppendTime(sb);
        return sb.ToString();
    }

    /// <summary>Compares two times; null when they agree up to the lesser precision and their precisions differ.</summary>
    internal static int? Compare(PartialTime a, PartialTime b)
    {
        var x = a.Parts with { Year = 1, Month = 1, Day = 1 };
        var y = b.Parts with { Year = 1, Month = 1, Day = 1 };
        return DateTimeParts.Compare(x, y);
    }

    public bool Equals(PartialTime? other) => other is not null && Compare(this, other) == 0;
    public override bool Equals(object? obj) => Equals(obj as PartialTime);
    public override int GetHashCode() => Parts.Hour;
}
