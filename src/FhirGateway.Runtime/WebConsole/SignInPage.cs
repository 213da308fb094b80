using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Intake;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.WebConsole;

/// <summary>The sign-in page: a key (any intake key, API key or bearer token) in a form POST gives a session cookie with its holder's name and role.</summary>
internal static class SignInPage
{
    public static IResult ShowAsync(HttpContext context, string? returnUrl) => Form(context, returnUrl, null);

    public static async Task<IResult> SignInAsync(HttpContext context, IOptions<GatewayOptions> options, ILedgerStore store)
    {
        if (!await ConsoleModule.IsFormGenuineAsync(context)) return Form(context, null, "The form expired; sign in again.", StatusCodes.Status400BadRequest);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var holder = new AccessKeys(options.Value.Intake).FindAny(form["key"].ToString());
        var returnUrl = form["returnUrl"].ToString();
        if (holder is null) return Form(context, returnUrl, "That key is not accepted.", StatusCodes.Status401Unauthorized);
        await context.SignInAsync(ConsoleModule.CookieScheme, IntakeAuthenticationHandler.Principal(holder, "console", ConsoleModule.CookieScheme));
        await ConsoleLedger.NoteAsync(context, store, ConsoleLedger.SessionKey, null, "signed in", $"{holder.Name} ({holder.Role})");
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/console/records");
    }

    public static async Task<IResult> SignOutAsync(HttpContext context, ILedgerStore store)
    {
        if (!await ConsoleModule.IsFormGenuineAsync(context)) return ConsoleHtml.Forbidden(context, "The form expired; reload the page.");
        await ConsoleLedger.NoteAsync(context, store, ConsoleLedger.SessionKey, null, "signed out");
        await context.SignOutAsync(ConsoleModule.CookieScheme);
        return Results.Redirect("/console/sign-in");
    }

    private static IResult Form(HttpContext context, string? returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var body = $"""
            {(error is null ? "" : $"<p class=\"error\">{ConsoleHtml.Encode(error)}</p>")}
            <form method="post" action="/console/sign-in">{ConsoleHtml.Antiforgery(context)}
            <input type="hidden" name="returnUrl" value="{ConsoleHtml.Encode(IsLocal(returnUrl) ? returnUrl : "")}">
            <label>Key (an intake API key or bearer token)<input type="password" name="key" id="key" autocomplete="off" required></label>
            <p><button id="sign-in">Sign in</button></p></form>
            <p class="note">Operators may replay and release records; auditors read only. Every view and action is written to the ledger.</p>
            """;
        return ConsoleHtml.Page(context, "Sign in", body, status);
    }

    /// <summary>Only a path inside the console: never a redirect elsewhere.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith("/console", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal);
}
