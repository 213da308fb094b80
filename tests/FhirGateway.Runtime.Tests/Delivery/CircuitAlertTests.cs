using System.Diagnostics.Metrics;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace FhirGateway.Runtime.Tests.Delivery;

/// <summary>Alerts are per change of a partner's circuit, not per failed request.</summary>
public sealed class CircuitAlertTests
{
    private sealed class Capture : ILogger
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }

    [Fact]
    public async Task Many_failing_requests_give_one_warning_when_the_circuit_opens()
    {
        var logger = new Capture();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var partner = new Partner(new PartnerOptions { Id = "hosp-a", Organization = "urn:x|a", BaseUrl = "http://127.0.0.1:9/fhir" });
        var options = new DeliveryOptions { InlineRetries = 0, CircuitBreaker = new CircuitBreakerOptions { MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromMinutes(5) } };
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        PartnerResilience.Configure(builder, partner, options, new PartnerCircuits(), new GatewayMetrics(services.GetRequiredService<IMeterFactory>()), logger);
        var pipeline = builder.Build();

        var broken = 0;
        for (var i = 0; i < 20; i++)
        {
            try
            {
                using var response = await pipeline.ExecuteAsync(_ => ValueTask.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable)));
            }
            catch (BrokenCircuitException)
            {
                broken++;
            }
        }

        Assert.True(broken > 10);
        var warning = Assert.Single(logger.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Contains("hosp-a's circuit opened", warning.Message, StringComparison.Ordinal);
    }
}
