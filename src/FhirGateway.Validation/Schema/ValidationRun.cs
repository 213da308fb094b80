using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.Validation.References;
using FhirGateway.Validation.Results;

namespace FhirGateway.Validation.Schema;

/// <summary>
/// The state of one validation call: the engine, the resource whose structure is being checked (FHIRPath's
/// <c>%resource</c>), the element definitions in force (for <c>elementDefinition()</c>), the indexes of the
/// Bundles and Parameters met so far (each built once), which structures have had their problems reported, and
/// the guard against validating an element against a structure inside that same validation (circular references,
/// conformsTo). One per call, never shared between threads.
/// </summary>
internal sealed class ValidationRun
{
    private readonly Dictionary<ElementNode, BundleIndex> _indexes = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<StructureSchema> _problemsReported = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(ElementNode, StructureSchema)> _inProgress = [];
    private readonly List<(ElementNode Node, ElementSchema Schema)> _definitions = [];
    private FhirPathEnvironment? _base;
    private (ElementNode? Resource, FhirPathEnvironment? Environment) _current;

    public ValidationRun(ValidatorEngine engine, CancellationToken cancellationToken)
    {
        Engine = engine;
        CancellationToken = cancellationToken;
    }

    public ValidatorEngine Engine { get; }

    public CancellationToken CancellationToken { get; }

    public ValidatorOptions Options => Engine.Options;

    public SchemaCache Schemas => Engine.Schemas;

    public ITypeModel Types => Engine.Types;

    /// <summary>Where the reader found content it could not read, so that its absence from the tree is not reported again.</summary>
    public UnreadableContent Unreadable { get; init; } = UnreadableContent.None;

    /// <summary>Told the number of resources validated so far each time one is done (the root, a Bundle entry, a contained resource); null for none.</summary>
    public IProgress<int>? Progress { get; init; }

    private int _resourcesDone;

    /// <summary>The resource whose structure (type or profile) is being validated: <c>%resource</c> for the invariants met on the way.</summary>
    public ElementNode? CurrentResource { get; private set; }

    /// <summary>The environment invariants are evaluated in, with the current resource as <c>%resource</c>.</summary>
    public FhirPathEnvironment Environment => EnvironmentFor(CurrentResource);

    /// <summary>The environment with <paramref name="resource"/> as <c>%resource</c>; the last one made is kept, as a resource's elements are validated together.</summary>
    public FhirPathEnvironment EnvironmentFor(ElementNode? resource)
    {
        if (_current.Environment is { } env && ReferenceEquals(_current.Resource, resource)) return env;
        var made = resource is null ? BaseEnvironment : BaseEnvironment with { Resource = resource };
        _current = (resource, made);
        return made;
    }

    private FhirPathEnvironment BaseEnvironment => _base ??= new FhirPathEnvironment
    {
        Resolver = Options.Resolver is { } resolver ? reference => resolver(reference) : null,
        Terminology = Engine.Terminology is { } terminology ? new Terminology.MemberOf(terminology).Check : null,
        ConformsTo = ConformsTo,
        ElementDefinitions = ElementDefinitionOf,
        Slices = MatchesSlice,
        Time = Options.Time,
    };

    /// <summary>Validates a resource (the root, a contained resource, a Bundle entry): its type's definition, then the resource rules (id, declared profiles, type-specific rules).</summary>
    public CheckResult ValidateResource(ElementNode resource)
    {
        CancellationToken.ThrowIfCancellationRequested();
        var type = resource.InstanceType;
        var schema = type is null ? null : Schemas.Find(type);
        var result = schema is null
            ? CheckResult.Undecided(IssueAt.Node(IssueCatalogue.ValTypeUnknown, resource, type ?? "(none)"))
            : ValidateAgainst(resource, schema);
        var outer = CurrentResource;
        CurrentResource = resource;
        try
        {
            return CheckResult.Combine(result, Engine.ResourceRules.Validate(resource, this));
        }
        finally
        {
            CurrentResource = outer;
            Progress?.Report(++_resourcesDone);
        }
    }

    /// <summary>Validates an element against a whole structure (a type, a profile, an extension definition), reporting the structure's own problems the first time it is used.</summary>
    public CheckResult ValidateAgainst(ElementNode node, StructureSchema schema)
    {
        if (!_inProgress.Add((node, schema))) return CheckResult.Success;
        try
        {
            var outer = CurrentResource;
            if (schema.IsResource && node.IsResource) CurrentResource = node;
            CheckResult result;
            try
            {
                result = schema.Root.Validate(node, this);
            }
            finally
            {
                CurrentResource = outer;
            }
            if (schema.Problems.Count > 0 && _problemsReported.Add(schema))
                foreach (var problem in schema.Problems) result = CheckResult.Combine(result, CheckResult.Of(IssueAt.Place(problem, node)));
            return result;
        }
        finally
        {
            _inProgress.Remove((node, schema));
        }
    }

    /// <summary>Notes that <paramref name="node"/> is being validated against <paramref name="schema"/> until the returned scope ends (for elementDefinition()).</summary>
    public DefinitionScope Enter(ElementNode node, ElementSchema schema)
    {
        _definitions.Add((node, schema));
        return new DefinitionScope(_definitions);
    }

    /// <summary>The index of a Bundle's entries or a Parameters' resources, built on first use in this run.</summary>
    public BundleIndex IndexOf(ElementNode container)
    {
        if (!_indexes.TryGetValue(container, out var index)) _indexes[container] = index = BundleIndex.Build(container);
        return index;
    }

    private bool? ConformsTo(ElementNode resource, string profile) =>
        Schemas.Find(profile) is { } schema ? !ValidateAgainst(resource, schema).IsFailure : null;

    private Fhir.Definitions.ElementDefinitionInfo? ElementDefinitionOf(ElementNode element)
    {
        for (var i = _definitions.Count - 1; i >= 0; i--)
            if (ReferenceEquals(_definitions[i].Node, element)) return _definitions[i].Schema.Definition;
        return null;
    }

    private bool? MatchesSlice(ElementNode element, string structure, string sliceName) =>
        Schemas.Find(structure)?.FindSlice(sliceName) is { } slice ? slice.Condition.Matches(element, this) : null;
}

/// <summary>The span during which an element is validated against one element definition.</summary>
internal readonly struct DefinitionScope(List<(ElementNode Node, ElementSchema Schema)> stack) : IDisposable
{
    public void Dispose() => stack.RemoveAt(stack.Count - 1);
}
