using FhirGateway.Runtime.Delivery;

namespace FhirGateway.Runtime.Tests.Delivery;

public sealed class RetryScheduleTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(10, 300)]
    public void Doubles_per_attempt_up_to_the_cap_with_jitter_in_the_upper_half(int attempt, int ceilingSeconds)
    {
        var lowest = new RetrySchedule(Base, Max, () => 0).Delay(attempt, null);
        var highest = new RetrySchedule(Base, Max, () => 1).Delay(attempt, null);

        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds / 2.0), lowest);
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds), highest);
    }

    [Fact]
    public void Never_comes_before_the_partners_Retry_After()
    {
        var schedule = new RetrySchedule(Base, Max, () => 1);

        Assert.Equal(TimeSpan.FromSeconds(120), schedule.Delay(1, TimeSpan.FromSeconds(120)));
        Assert.Equal(TimeSpan.FromHours(2), schedule.Delay(1, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromSeconds(40), schedule.Delay(3, TimeSpan.FromSeconds(1)));
    }
}
