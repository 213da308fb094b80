using System.Text;
using System.Text.Encodings.Web;
using FhirGateway.Runtime.Intake;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Runtime.WebConsole;

/// <summary>
/// The console's HTML: one layout (navigation, the signed-in holder, a sign-out form), escaping of every value, and
/// forms that carry the antiforgery token. Pages are plain HTML and inline CSS: no script, no font or file from elsewhere.
/// </summary>
internal static class ConsoleHtml
{
    public const string AntiforgeryField = "__af";

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
        header{background:#22303c;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center}
        header a{color:#fff;text-decoration:none;font-weight:600}header form{margin-left:auto}
        main{padding:1rem 1.2rem}table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1rem}
        th,td{border-bottom:1px solid #dde1e6;padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
        th{background:#eef1f4}pre{background:#fff;border:1px solid #dde1e6;padding:.5rem;overflow:auto;max-height:24rem;font-size:.8rem}
        .state{padding:.1rem .4rem;border-radius:.3rem;font-weight:600}.parked{background:#fde2e1}.held{background:#fff3cd}
        .delivered{background:#d9f2e1}.routed,.waiting{background:#e3ecfa}form.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end}
        label{display:flex;flex-direction:column;font-size:.8rem}button{padding:.3rem .8rem}.note{color:#4b5563}.error{color:#b42318;font-weight:600}
        """;

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>A whole page; <paramref name="body"/> is already HTML.</summary>
    public static IResult Page(HttpContext context, string title, string body, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        var html = new StringBuilder(body.Length + 2048);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(title)).Append(" – FhirGateway</title><style>").Append(Style).Append("</style></head><body><header>")
            .Append("<span>FhirGateway</span><a href=\"/console/records\">Records</a><a href=\"/console/inbound\">Inbound</a><a href=\"/console/status\">Partners &amp; ledger</a>");
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var role = context.User.IsInRole(AccessRoles.Operator) ? AccessRoles.Operator : AccessRoles.Auditor;
            html.Append("<form method=\"post\" action=\"/console/sign-out\">").Append(Antiforgery(context))
                .Append("<span>").Append(Encode(context.User.Identity.Name)).Append(" · ").Append(role).Append("</span> <button>Sign out</button></form>");
        }
        html.Append("</header><main><h1>").Append(Encode(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The hidden antiforgery field of a form.</summary>
    public static string Antiforgery(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken)}\">";
    }

    /// <summary>A form posting to <paramref name="action"/> with one button and hidden fields.</summary>
    public static string Button(HttpContext context, string action, string label, params (string Name, string? Value)[] fields)
    {
        var html = new StringBuilder($"<form method=\"post\" action=\"{Encode(action)}\" style=\"display:inline\">").Append(Antiforgery(context));
        foreach (var (name, value) in fields) html.Append($"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode(value)}\">");
        return html.Append($"<button>{Encode(label)}</button></form>").ToString();
    }

    public static string State(string state) => $"<span class=\"state {Encode(state)}\">{Encode(state)}</span>";

    public static string Time(DateTimeOffset? at) => at is { } t ? Encode(t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)) : "";

    /// <summary>A table from a header row and rows of already-encoded cells.</summary>
    public static string Table(IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows)
    {
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var h in headers) html.Append("<th>").Append(Encode(h)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(cell).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    public static IResult Forbidden(HttpContext context, string what) =>
        Page(context, "Not allowed", $"<p class=\"error\">{Encode(what)}</p>", StatusCodes.Status403Forbidden);

    public static string RecordLink(string key) => $"<a href=\"/console/records/{Encode(Uri.EscapeDataString(key))}\">{Encode(key)}</a>";
}
