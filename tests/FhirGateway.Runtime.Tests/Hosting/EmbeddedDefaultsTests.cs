using FhirGateway.Runtime.Hosting;
using Microsoft.Extensions.Configuration;

namespace FhirGateway.Runtime.Tests.Hosting;

public sealed class EmbeddedDefaultsTests
{
    /// <summary>The embedded defaults alone (no working-folder file, no environment): the source the gateway adds first.</summary>
    private static IConfigurationRoot Defaults()
    {
        using var stream = typeof(GatewayConfiguration).Assembly.GetManifestResourceStream("FhirGateway.Runtime.appsettings.json");
        Assert.NotNull(stream);
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return new ConfigurationBuilder().AddJsonStream(copy).Build();
    }

    [Fact]
    public void Every_embedded_default_outside_Logging_is_read_by_an_option()
    {
        var gateway = new ConfigurationBuilder()
            .AddInMemoryCollection(Defaults().AsEnumerable().Where(kv => !kv.Key.StartsWith("Logging", StringComparison.OrdinalIgnoreCase)))
            .Build();

        var options = gateway.Get<GatewayOptions>(o => o.ErrorOnUnknownConfiguration = true);

        Assert.NotNull(options);
    }

    [Fact]
    public void An_embedded_default_that_no_option_reads_is_caught()
    {
        var gateway = new ConfigurationBuilder().AddInMemoryCollection([new("Pipeline:Validation", "Full")]).Build();

        var e = Assert.Throws<InvalidOperationException>(() => gateway.Get<GatewayOptions>(o => o.ErrorOnUnknownConfiguration = true));
        Assert.Contains("Validation", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_defaults_are_the_options_own_defaults()
    {
        var bound = Defaults().Get<GatewayOptions>()!;
        var fresh = new GatewayOptions();

        Assert.Equal(fresh.Pipeline.PollInterval, bound.Pipeline.PollInterval);
        Assert.Equal(fresh.Delivery.BaseDelay, bound.Delivery.BaseDelay);
        Assert.Equal(fresh.Delivery.MaxAttempts, bound.Delivery.MaxAttempts);
        Assert.Equal(fresh.ServiceBus.Enabled, bound.ServiceBus.Enabled);
        Assert.Equal(fresh.ServiceBus.MaxAutoLockRenewal, bound.ServiceBus.MaxAutoLockRenewal);
        Assert.Equal(fresh.Intake.MaxRecordBytes, bound.Intake.MaxRecordBytes);
    }
}
