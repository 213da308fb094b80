using System.Security.Claims;
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
/// constant time against the configured ones (<see cref="AccessKeys"/>), each with its holder's name and role. With none configured, nobody is let in. A refusal is a 401 with an
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
    private readonly AccessKeys _keys = new(gateway.Value.Intake);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.TryGetValue(_intake.ApiKeyHeader, out var key) && _keys.FindApiKey(key.ToString()) is { } byKey)
            return Task.FromResult(Success("api-key", byKey));
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && _keys.FindBearer(authorization["Bearer ".Length..].Trim()) is { } byToken)
            return Task.FromResult(Success("bearer", byToken));
        return Task.FromResult(AuthenticateResult.NoResult());
    }

    /// <summary>The principal of a key holder: name, role, and how they signed in.</summary>
    public static ClaimsPrincipal Principal(AccessHolder holder, string method, string scheme)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var identity = new ClaimsIdentity([new Claim("auth_method", method), new Claim(ClaimTypes.Name, holder.Name), new Claim(ClaimTypes.Role, holder.Role)],
            scheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        Response.ContentType = "application/fhir+json";
        await Response.WriteAsync(OperationOutcomeWriter.ToJson([IssueCatalogue.GatewayIntakeUnauthenticated.At(null, _intake.ApiKeyHeader)]), Context.RequestAborted);
    }

    private static AuthenticateResult Success(string method, AccessHolder holder) =>
        AuthenticateResult.Success(new AuthenticationTicket(Principal(holder, method, SchemeName), SchemeName));
}
