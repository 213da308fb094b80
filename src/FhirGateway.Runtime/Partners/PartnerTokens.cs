using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Runtime.Hosting;

namespace FhirGateway.Runtime.Partners;

/// <summary>
/// Access tokens for partners: the configured one for <c>Bearer</c>; for <c>ClientCredentials</c>, one fetched from the
/// OAuth2 token endpoint (grant_type=client_credentials) and cached until shortly before it expires.
/// </summary>
public sealed class PartnerTokens(IHttpClientFactory httpClientFactory, TimeProvider time)
{
    public const string TokenClientName = "fhirgw-oauth";
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<string?> GetAsync(Partner partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        switch (partner.Auth.Mode)
        {
            case PartnerAuthMode.Bearer:
                return partner.Auth.Token;
            case PartnerAuthMode.ClientCredentials:
                if (Cached(partner.Id) is { } token) return token;
                var gate = _locks.GetOrAdd(partner.Id, _ => new SemaphoreSlim(1, 1));
                await gate.WaitAsync(cancellationToken);
                try
                {
                    return Cached(partner.Id) ?? await FetchAsync(partner, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            default:
                return null;
        }
    }

    /// <summary>Forgets a cached token (the partner answered 401).</summary>
    public void Invalidate(string partnerId) => _cache.TryRemove(partnerId, out _);

    private string? Cached(string partnerId) =>
        _cache.TryGetValue(partnerId, out var cached) && cached.Until > time.GetUtcNow() ? cached.Token : null;

    private async Task<string> FetchAsync(Partner partner, CancellationToken cancellationToken)
    {
        var auth = partner.Auth;
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (!string.IsNullOrWhiteSpace(auth.Scope)) form["scope"] = auth.Scope;
        using var request = new HttpRequestMessage(HttpMethod.Post, auth.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(auth.ClientId!)}:{Uri.EscapeDataString(auth.ClientSecret!)}")));
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await httpClientFactory.CreateClient(TokenClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The token endpoint of partner {partner.Id} answered {(int)response.StatusCode}.", null, response.StatusCode);
        if (!JsonInputGuard.HasValidStrings(body))
            throw new HttpRequestException($"The token endpoint of partner {partner.Id} answered with a body that is not JSON text.");
        using var doc = JsonDocument.Parse(body);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
            throw new HttpRequestException($"The token endpoint of partner {partner.Id} answered with JSON that is not an object.");
        var token = doc.RootElement.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (string.IsNullOrEmpty(token))
            throw new HttpRequestException($"The token endpoint of partner {partner.Id} gave no access_token.");
        var lifetime = doc.RootElement.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(5);
        _cache[partner.Id] = (token, time.GetUtcNow() + (lifetime > ExpiryMargin * 2 ? lifetime - ExpiryMargin : lifetime / 2));
        return token;
    }
}
