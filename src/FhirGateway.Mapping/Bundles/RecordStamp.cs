using System.Globalization;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Bundles;

/// <summary>
/// Which record a resource's content comes from, ordered as the bundle builder orders records that give the same
/// resource: by <c>recordedAt</c>, then by version. Written in the meta.tag of every entry that overwrites
/// (<c>system</c> <see cref="Ig.ClinicIg.Systems.RecordStamp"/>, code <c>yyyyMMddTHHmmssfffZ~version~recordId</c>), so
/// the gateway (any instance, even one with an empty store) can tell whether the partner already holds newer content.
/// </summary>
public sealed record RecordStamp(DateTimeOffset RecordedAt, int Version, string RecordId) : IComparable<RecordStamp>
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    public static RecordStamp Of(RecordEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new RecordStamp(envelope.RecordedAt.ToUniversalTime(), envelope.Version, envelope.RecordId);
    }

    public string Code => $"{RecordedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}~{Version.ToString(CultureInfo.InvariantCulture)}~{RecordId}";

    public static RecordStamp? TryParse(string? code)
    {
        var parts = code?.Split('~', 3);
        if (parts is not { Length: 3 }) return null;
        if (!DateTime.TryParseExact(parts[0], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)) return null;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return null;
        return new RecordStamp(new DateTimeOffset(at, TimeSpan.Zero), version, parts[2]);
    }

    /// <summary>Later recordedAt first decides, then the higher version; the record id does not order.</summary>
    public int CompareTo(RecordStamp? other)
    {
        if (other is null) return 1;
        var c = RecordedAt.CompareTo(other.RecordedAt);
        return c != 0 ? c : Version.CompareTo(other.Version);
    }

    public bool IsOlderThan(RecordStamp other) => CompareTo(other) < 0;

    public override string ToString() => $"{RecordId}@{Version.ToString(CultureInfo.InvariantCulture)} (recorded {RecordedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)})";
}
