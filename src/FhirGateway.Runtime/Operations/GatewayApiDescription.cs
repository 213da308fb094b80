using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FhirGateway.Runtime.Operations;

/// <summary>The OpenAPI document's title, description and security schemes (<c>/openapi/v1.json</c>).</summary>
public sealed class GatewayApiDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "FhirGateway",
            Version = "v1",
            Description = "The clinic's FHIR R4 interoperability gateway: clinic records in (POST /records), where each stands (GET /records/{receipt}, GET /records), "
                + "health and metrics. Every refusal (4xx) carries a FHIR OperationOutcome (application/fhir+json). Authenticate with an API key in X-Api-Key "
                + "(or the header Intake:ApiKeyHeader names) or a bearer token; keys of the auditor role read only.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key" };
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer" };
        return Task.CompletedTask;
    }
}
