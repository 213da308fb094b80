using FhirGateway.Fhir.Model;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>The fixed facts of one evaluation: environment, the original input (<c>%context</c>), the resources and the instant now() returns.</summary>
internal sealed class EvaluationRun
{
    private DateTimeOffset? _now;

    public EvaluationRun(FhirPathEnvironment environment, IReadOnlyList<object> context)
    {
        Environment = environment;
        Context = context;
        var node = context.Count > 0 ? context[0] as ElementNode : null;
        Resource = environment.Resource ?? node?.ResourceRoot;
        RootResource = environment.RootResource ?? OutermostResource(Resource);
    }

    public FhirPathEnvironment Environment { get; }

    public IReadOnlyList<object> Context { get; }

    /// <summary>The type model for is/as/ofType, when known.</summary>
    public ITypeModel? Model { get; init; }

    /// <summary>The compiler's settings.</summary>
    public FhirPathOptions Options { get; init; } = FhirPathOptions.Default;

    public ElementNode? Resource { get; }

    public ElementNode? RootResource { get; }

    /// <summary>now() is the same within one evaluation.</summary>
    public DateTimeOffset Now => _now ??= Environment.Time.GetLocalNow();

    /// <summary>The resource that contains <paramref name="resource"/> through <c>contained</c> chains; a Bundle entry stays its own root.</summary>
    private static ElementNode? OutermostResource(ElementNode? resource)
    {
        var r = resource;
        while (r?.Parent is { } parent && r.Name == "contained" && parent.ResourceRoot is { } outer) r = outer;
        return r;
    }
}
