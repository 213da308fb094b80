using System.Security.Cryptography;
using System.Text;
using FhirGateway.Fhir.Issues;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Partners;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Inbound;

/// <summary>
/// <c>POST /inbound/notifications/{partner}</c>: the rest-hook endpoint a partner's Subscription points at. The
/// notification must carry the partner's <c>Inbound:NotificationToken</c> as a bearer token (401 otherwise), be a
/// Backport notification Bundle (400 with an OperationOutcome otherwise) for the configured subscription (if one is
/// set). Handshakes and heartbeats are answered 200; an event notification is answered 200 only once what it
/// carries is stored; a failure of the gateway answers 500 so that the partner sends it again.
/// </summary>
public static class NotificationEndpoint
{
    /// <summary>A notification larger than this is refused (413).</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    public static async Task<IResult> PostAsync(string partner, HttpContext context, PartnerDirectory partners, NotificationHandler handler,
        ILogger<NotificationHandler> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(handler);
        var target = partners.Find(partner);
        if (target is not { Inbound.Mode: InboundMode.Subscription })
            return Refuse(logger, partner, StatusCodes.Status404NotFound, IssueCatalogue.GatewayNotificationUnknownPartner.At(null, partner));
        if (!Authenticated(context.Request, target.Inbound.NotificationToken))
            return Refuse(logger, partner, StatusCodes.Status401Unauthorized, IssueCatalogue.GatewayNotificationUnauthenticated.At(null, partner));
        if (context.Request.ContentLength > MaxBytes) return Refuse(logger, partner, StatusCodes.Status413PayloadTooLarge, IssueCatalogue.GatewayIntakeTooLarge.At(null, MaxBytes));
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes) return Refuse(logger, partner, StatusCodes.Status413PayloadTooLarge, IssueCatalogue.GatewayIntakeTooLarge.At(null, MaxBytes));
        using var notification = SubscriptionNotification.Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), out var problem);
        if (notification is null)
            return Refuse(logger, partner, StatusCodes.Status400BadRequest, IssueCatalogue.GatewayNotificationUnreadable.At(null, problem));
        if (target.Inbound.SubscriptionId is { Length: > 0 } expected && !NamesSubscription(notification.Subscription, expected))
            return Refuse(logger, partner, StatusCodes.Status400BadRequest,
                IssueCatalogue.GatewayNotificationWrongSubscription.At(null, notification.Subscription, partner, expected));
        var result = await handler.HandleAsync(target, notification, cancellationToken);
        var text = $"{notification.Type}: {result.Stored} stored, {result.Repeats} repeats, {result.Echoes} echoes of the gateway's own writes"
            + (result.Gap ? "; events were missed, re-querying" : "");
        return Results.Text(Informational(text), "application/fhir+json", Encoding.UTF8, StatusCodes.Status200OK);
    }

    private static bool NamesSubscription(string given, string expected) =>
        ResourceLocation.TryParse(given, out _, out var id, out _) ? id == expected || given == expected : given == expected;

    private static bool Authenticated(HttpRequest request, string? token)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(token) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim())),
            SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    private static IResult Refuse(ILogger logger, string partner, int status, Issue issue)
    {
        Log.NotificationRefused(logger, partner, issue.Code);
        return Results.Text(OperationOutcomeWriter.ToJson([issue]), "application/fhir+json", Encoding.UTF8, status);
    }

    private static string Informational(string text) =>
        $$"""{"resourceType":"OperationOutcome","issue":[{"severity":"information","code":"informational","diagnostics":{{System.Text.Json.JsonSerializer.Serialize(text)}}}]}""";
}
