using System.Diagnostics;
using System.Net.Http.Headers;
using Polly.CircuitBreaker;
using Polly.Timeout;
using FhirGateway.Runtime.Delivery;

namespace FhirGateway.Runtime.Partners;

/// <summary>Talks FHIR to partners through their named HttpClients: posts transaction Bundles, reads CapabilityStatements.</summary>
public sealed class PartnerClient(IHttpClientFactory httpClientFactory, TimeProvider time)
{
    public const string FhirJson = "application/fhir+json";

    /// <summary>POST [base] with the Bundle; never throws for a partner's failure (it becomes the answer's Failure).</summary>
    public async Task<PartnerAnswer> PostTransactionAsync(Partner partner, ReadOnlyMemory<byte> bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(partner.BaseUri.ToString().TrimEnd('/')))
        {
            Content = new ReadOnlyMemoryContent(bundle),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(FhirJson) { CharSet = "utf-8" };
        return await SendAsync(partner, request, cancellationToken);
    }

    /// <summary>GET [base]/metadata.</summary>
    public async Task<PartnerAnswer> GetCapabilitiesAsync(Partner partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(partner.BaseUri, "metadata"));
        return await SendAsync(partner, request, cancellationToken);
    }

    /// <summary>GET [base]/{relative}: a read (<c>Type/id</c>) or a search (<c>Type?param=value</c>).</summary>
    public async Task<PartnerAnswer> GetAsync(Partner partner, string relative, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(partner.BaseUri.ToString() + relative, UriKind.Absolute));
        return await SendAsync(partner, request, cancellationToken);
    }

    private async Task<PartnerAnswer> SendAsync(Partner partner, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Accept.ParseAdd(FhirJson);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await httpClientFactory.CreateClient(partner.HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return new PartnerAnswer((int)response.StatusCode, body, TransientAnswers.RetryAfter(response, time.GetUtcNow()), null, Stopwatch.GetElapsedTime(started))
            {
                Cause = FailureCause.StatusLine(response),
            };
        }
        catch (BrokenCircuitException e)
        {
            return new PartnerAnswer(null, default, e.RetryAfter, PartnerAnswer.CircuitOpen, Stopwatch.GetElapsedTime(started)) { Cause = FailureCause.CircuitOpen(partner) };
        }
        catch (TimeoutRejectedException)
        {
            return new PartnerAnswer(null, default, null, "timeout", Stopwatch.GetElapsedTime(started)) { Cause = FailureCause.Timeout(partner.Timeout) };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PartnerAnswer(null, default, null, "timeout", Stopwatch.GetElapsedTime(started)) { Cause = FailureCause.Timeout(partner.Timeout) };
        }
        catch (HttpRequestException e)
        {
            return new PartnerAnswer(null, default, null, "connection: " + e.HttpRequestError.ToString(), Stopwatch.GetElapsedTime(started))
            {
                Cause = FailureCause.Connection(e, request.RequestUri),
            };
        }
    }
}
