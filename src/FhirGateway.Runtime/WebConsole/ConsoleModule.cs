using FhirGateway.Runtime.Intake;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using FhirGateway.Runtime.Hosting;

namespace FhirGateway.Runtime.WebConsole;

/// <summary>
/// The operator console at <c>/console</c>: server-rendered HTML (no script, no external resource), signed in with an
/// intake key in a header or through the sign-in page (a session cookie: Secure, HttpOnly, SameSite=Strict), every POST
/// protected by an antiforgery token, and two roles (<see cref="AccessRoles"/>).
/// </summary>
public static class ConsoleModule
{
    /// <summary>Picks the key header (or bearer token) when one is given, else the console's cookie.</summary>
    public const string Scheme = "FhirGatewayOperator";
    public const string CookieScheme = "FhirGatewayConsole";
    /// <summary>Any signed-in key holder (operator or auditor).</summary>
    public const string ReadPolicy = "console-read";
    /// <summary>Operators only.</summary>
    public const string OperatePolicy = "console-operate";
    /// <summary>Operators only, by key (the intake API).</summary>
    public const string SendPolicy = "intake-send";
    /// <summary>Any key holder, by key (the records API).</summary>
    public const string ApiReadPolicy = "api-read";

    public static IHostApplicationBuilder AddOperatorConsole(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "fhirgw.af";
            // a nonce, not a credential: Secure whenever the console is served over TLS (the session cookie always is)
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = ConsoleHtml.AntiforgeryField;
            o.HeaderName = null;
        });
        builder.Services.AddAuthentication()
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "fhirgw.console";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.Path = "/console";
                o.LoginPath = "/console/sign-in";
                o.ReturnUrlParameter = "returnUrl";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddPolicyScheme(Scheme, "Key header or console cookie", o => o.ForwardDefaultSelector = context =>
            {
                var header = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.Intake.ApiKeyHeader;
                return context.Request.Headers.ContainsKey(header) || context.Request.Headers.Authorization.Count > 0
                    ? IntakeAuthenticationHandler.SchemeName
                    : CookieScheme;
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(OperatePolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(AccessRoles.Operator))
            .AddPolicy(SendPolicy, p => p.AddAuthenticationSchemes(IntakeAuthenticationHandler.SchemeName).RequireRole(AccessRoles.Operator))
            .AddPolicy(ApiReadPolicy, p => p.AddAuthenticationSchemes(IntakeAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        return builder;
    }

    public static IEndpointRouteBuilder MapOperatorConsole(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => Results.Redirect("/console")).ExcludeFromDescription();
        var console = app.MapGroup("/console").ExcludeFromDescription();
        console.MapGet("/sign-in", SignInPage.ShowAsync).AllowAnonymous();
        console.MapPost("/sign-in", SignInPage.SignInAsync).AllowAnonymous();
        console.MapPost("/sign-out", SignInPage.SignOutAsync).RequireAuthorization(ReadPolicy);
        console.MapGet("", () => Results.Redirect("/console/records")).RequireAuthorization(ReadPolicy);
        console.MapGet("/records", RecordsPage.ShowAsync).RequireAuthorization(ReadPolicy);
        console.MapPost("/records", RecordsPage.FilterAsync).RequireAuthorization(ReadPolicy);
        console.MapGet("/records/{key}", RecordDetailPage.ShowAsync).RequireAuthorization(ReadPolicy);
        console.MapPost("/records/{key}/replay", RecordDetailPage.ReplayAsync).RequireAuthorization(OperatePolicy);
        console.MapPost("/records/{key}/release", RecordDetailPage.ReleaseAsync).RequireAuthorization(OperatePolicy);
        console.MapGet("/status", StatusPage.ShowAsync).RequireAuthorization(ReadPolicy);
        console.MapPost("/status/verify", StatusPage.VerifyAsync).RequireAuthorization(ReadPolicy);
        console.MapGet("/inbound", InboundPage.ShowAsync).RequireAuthorization(ReadPolicy);
        return app;
    }

    /// <summary>
    /// True when a POST may go on: a request signed in by key header carries no cookie an attacker's page could ride on;
    /// a cookie-signed request must carry the antiforgery token of its form.
    /// </summary>
    public static async Task<bool> IsFormGenuineAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.User.FindFirst("auth_method")?.Value;
        if (method is "api-key" or "bearer") return true;
        var antiforgery = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(context);
    }

    /// <summary>Who acts, for the ledger: <c>alice (operator)</c>.</summary>
    public static string Actor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var role = context.User.IsInRole(AccessRoles.Operator) ? AccessRoles.Operator : AccessRoles.Auditor;
        return $"{context.User.Identity?.Name ?? "unknown"} ({role})";
    }
}
