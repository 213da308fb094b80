using FhirGateway.Mapping.Bundles;

namespace FhirGateway.Mapping.Tests.Bundles;

public sealed class RecordStampTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 5, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_stamp_reads_back_from_its_tag_code()
    {
        var stamp = new RecordStamp(At, 3, "REC-1~x");

        var read = RecordStamp.TryParse(stamp.Code);

        Assert.Equal(0, stamp.CompareTo(read));
        Assert.Equal("REC-1~x", read!.RecordId);
        Assert.Null(RecordStamp.TryParse("not a stamp"));
    }

    [Fact]
    public void Later_recorded_at_decides_then_the_higher_version()
    {
        var v1 = new RecordStamp(At, 1, "R");
        var v2 = new RecordStamp(At, 2, "R");
        var later = new RecordStamp(At.AddMinutes(1), 1, "S");

        Assert.True(v1.IsOlderThan(v2));
        Assert.True(v2.IsOlderThan(later));
        Assert.False(v2.IsOlderThan(v1));
    }
}
