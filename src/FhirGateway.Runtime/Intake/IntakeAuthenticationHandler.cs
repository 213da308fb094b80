using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using FhirGateway.Fhir.Issues;
using FhirGateway.Runtime.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Intake;

/// <summary>
/// Authenticates record senders by an API key header (<c>Intake:ApiKeyHeader</c>) or a bearer token, compared in
/// constant time against the configured ones. With none configured, nobody is let in. A refusal is a 401 with an
/// OperationOutcome.
/// </summary>
public sealed class IntakeAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<GatewayOptions> gateway) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "FhirGatewayIntake";
    private readonly IntakeOptions _intake = gateway.Value.Intake;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.TryGetValue(_intake.ApiKeyHeader, out var key) && Matches(key.ToString(), _intake.ApiKeys))
            return Task.FromResult(Success("api-key"));
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(authorization["Bearer ".Length..].Trim(), _intake.BearerTokens))
            return Task.FromResult(Success("bearer"));
        return Task.FromResult(AuthenticateResult.NoResult());
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        Response.ContentType = "application/fhir+json";
        await Response.WriteAsync(OperationOutcomeWriter.ToJson([IssueCatalogue.GatewayIntakeUnauthenticated.At(null, _intake.ApiKeyHeader)]), Context.RequestAborted);
    }

    private AuthenticateResult Success(string method)
    {
        var identity = new ClaimsIdentity([new Claim("auth_method", method)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static bool Matches(string given, IEnumerable<string> accepted)
    {
        if (string.IsNullOrEmpty(given)) return false;
        var givenHash = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        var found = false;
        foreach (var candidate in accepted.Where(a => !string.IsNullOrEmpty(a)))
            found |= CryptographicOperations.FixedTimeEquals(givenHash, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));
        return found;
    }
}
