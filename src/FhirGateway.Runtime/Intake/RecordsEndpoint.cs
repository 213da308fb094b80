using System.Text.Json.Serialization;
using FhirGateway.Fhir.Issues;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Intake;

/// <summary>The receipt a sender gets: 202 when stored now, 200 for a repeat (the original receipt).</summary>
public sealed record ReceiptResponse(string ReceiptId, string RecordKey, string Status, DateTimeOffset ReceivedAt);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReceiptResponse))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;

/// <summary>
/// <c>POST /records</c>: one internal record as JSON. 202 with a receipt (and <c>Location: /records/{receipt}</c>) once it is durably stored; 200 with the
/// original receipt for a repeat; 400 (bad record), 409 (same id and version, other content), 413 (too large) and
/// 415 (not JSON) with an OperationOutcome.
/// </summary>
public static class RecordsEndpoint
{
    public static async Task<IResult> PostAsync(HttpContext context, RecordIntake intake, IOptions<GatewayOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(intake);
        var max = options.Value.Intake.MaxRecordBytes;
        var contentType = context.Request.ContentType ?? "";
        if (!IsJson(contentType)) return Outcome(StatusCodes.Status415UnsupportedMediaType, IssueCatalogue.GatewayIntakeMediaType.At(null, contentType));
        var body = await ReadLimitedAsync(context.Request, max, cancellationToken);
        if (body is null) return Outcome(StatusCodes.Status413PayloadTooLarge, IssueCatalogue.GatewayIntakeTooLarge.At(null, max));
        var result = await intake.SubmitAsync(body, "http", cancellationToken);
        return result.Receipt switch
        {
            null => Outcome(StatusCodes.Status400BadRequest, [.. result.Issues]),
            { Status: IntakeStatus.Conflict } => Outcome(StatusCodes.Status409Conflict, [.. result.Issues]),
            { Status: IntakeStatus.Duplicate } r => Receipt(r, StatusCodes.Status200OK, "duplicate"),
            var r => Accepted(context, r),
        };
    }

    /// <summary><c>GET /records/{receipt}</c>: where the record of an intake receipt stands (200), or 404 with an OperationOutcome.</summary>
    public static async Task<IResult> GetAsync(string receipt, IRecordQueries store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var status = await store.GetRecordStatusAsync(receipt, cancellationToken);
        return status is null
            ? Outcome(StatusCodes.Status404NotFound, IssueCatalogue.GatewayUnknownReceipt.At(null, receipt))
            : Results.Bytes(RecordStatusWriter.ToJson(status), "application/json");
    }

    /// <summary>202 with the receipt, and <c>Location</c> naming where the record's status is read.</summary>
    private static IResult Accepted(HttpContext context, IntakeReceipt receipt)
    {
        context.Response.Headers.Location = "/records/" + Uri.EscapeDataString(receipt.ReceiptId);
        return Receipt(receipt, StatusCodes.Status202Accepted, "accepted");
    }

    private static IResult Receipt(IntakeReceipt receipt, int status, string text) =>
        Results.Json(new ReceiptResponse(receipt.ReceiptId, receipt.RecordKey, text, receipt.ReceivedAt), RuntimeJsonContext.Default.ReceiptResponse,
            contentType: "application/json", statusCode: status);

    /// <summary>The refusal's OperationOutcome, bounded like a stored one (at most 100 issues and about 32 KB, then a summary with the count).</summary>
    private static IResult Outcome(int status, params Issue[] issues) =>
        Results.Text(IssueLimit.ToBoundedJson(issues), "application/fhir+json", System.Text.Encoding.UTF8, status);

    private static bool IsJson(string contentType)
    {
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The body, or null when it is larger than <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.ContentLength > max) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
