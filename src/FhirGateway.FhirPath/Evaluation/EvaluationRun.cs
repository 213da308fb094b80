using FhirGateway.Fhir.Model;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>
/// The fixed facts of one evaluation: environment, the original input (<c>%context</c>), the resources and the instant
/// now() returns. The resources and the instant are found when first asked for: most invariants never ask.
/// </summary>
internal sealed class EvaluationRun(FhirPathEnvironment environment, IReadOnlyList<object> context)
{
    private DateTimeOffset? _now;
    private ElementNode? _resource;
    private ElementNode? _rootResource;
    private bool _resourcesFound;

    public FhirPathEnvironment Environment { get; } = environment;

    public IReadOnlyList<object> Context { get; } = context;

    /// <summary>The type model for is/as/ofType, when known.</summary>
    public ITypeModel? Model { get; init; }

    /// <summary>The compiler's settings.</summary>
    public FhirPathOptions Options { get; init; } = FhirPathOptions.Default;

    /// <summary><c>%resource</c>: the environment's, else the nearest resource at or above the input node.</summary>
    public ElementNode? Resource
    {
        get
        {
            FindResources();
            return _resource;
        }
    }

    /// <summary><c>%rootResource</c>: the environment's, else the outermost container of <see cref="Resource"/>.</summary>
    public ElementNode? RootResource
    {
        get
        {
            FindResources();
            return _rootResource;
        }
    }

    /// <summary>now() is the same within one evaluation.</summary>
    public DateTimeOffset Now => _now ??= Environment.Time.GetLocalNow();

    private void FindResources()
    {
        if (_resourcesFound) return;
        var node = Context.Count > 0 ? Context[0] as ElementNode : null;
        _resource = Environment.Resource ?? node?.ResourceRoot;
        _rootResource = Environment.RootResource ?? OutermostResource(_resource);
        _resourcesFound = true;
    }

    /// <summary>The resource that contains <paramref name="resource"/> through <c>contained</c> chains; a Bundle entry stays its own root.</summary>
    private static ElementNode? OutermostResource(ElementNode? resource)
    {
        var r = resource;
        while (r?.Parent is { } parent && r.Name == "contained" && parent.ResourceRoot is { } outer) r = outer;
        return r;
    }
}
