using System.Net;
using System.Net.Http.Headers;

namespace FhirGateway.Runtime.Partners;

/// <summary>Puts the partner's token on every attempt; on 401 it forgets a cached token so the next attempt fetches a new one.</summary>
public sealed class PartnerAuthHandler(Partner partner, PartnerTokens tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await tokens.GetAsync(partner, cancellationToken) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized) tokens.Invalidate(partner.Id);
        return response;
    }
}
