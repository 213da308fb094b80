using FhirGateway.Fhir.Issues;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Http;

namespace FhirGateway.Runtime.Operations;

/// <summary>
/// <c>GET /records?state=&amp;partner=&amp;kind=&amp;since=&amp;until=&amp;page=&amp;limit=</c> lists records newest first;
/// <c>next</c> is the <c>page</c> of the following page. A patient filter never goes in a URL: <c>POST /records/_search</c>
/// takes the same filters, <c>patient</c> among them, as a form body. 400 with an OperationOutcome for a bad filter.
/// </summary>
public static class RecordsListEndpoint
{
    public static Task<IResult> GetAsync(HttpContext context, IRecordQueries store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        if (query.ContainsKey("patient"))
            return Task.FromResult(Outcome(StatusCodes.Status400BadRequest, IssueCatalogue.GatewayQueryInvalid.At("patient",
                "a patient id is never sent in a URL; POST the filters as a form to /records/_search")));
        return ListAsync(name => query[name].ToString(), store, cancellationToken);
    }

    public static async Task<IResult> SearchAsync(HttpContext context, IRecordQueries store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasFormContentType)
            return Outcome(StatusCodes.Status415UnsupportedMediaType, IssueCatalogue.GatewayQueryInvalid.At(null, "send the filters as application/x-www-form-urlencoded"));
        var form = await context.Request.ReadFormAsync(cancellationToken);
        return await ListAsync(name => form[name].ToString(), store, cancellationToken);
    }

    private static async Task<IResult> ListAsync(Func<string, string?> value, IRecordQueries store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var errors = new List<string>();
        var query = RecordQueryParser.Parse(value, errors);
        if (errors.Count > 0) return Outcome(StatusCodes.Status400BadRequest, [.. errors.Select(e => IssueCatalogue.GatewayQueryInvalid.At(null, e))]);
        var page = await store.ListRecordsAsync(query, cancellationToken);
        return Results.Bytes(RecordListWriter.ToJson(page), "application/json");
    }

    private static IResult Outcome(int status, params Issue[] issues) =>
        Results.Text(OperationOutcomeWriter.ToJson(issues), "application/fhir+json", System.Text.Encoding.UTF8, status);
}
