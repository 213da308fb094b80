using System.Collections.Concurrent;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Snapshots;
using FhirGateway.Fhir.Issues;
using FhirGateway.Validation.Compilation;

namespace FhirGateway.Validation.Schema;

/// <summary>
/// The explicit concurrent caches behind a validator: StructureDefinitions with their snapshots (generated once
/// from the differential when a definition has none, with the generation issues kept) and the compiled schemas,
/// both keyed by the canonical or type name asked for. Compiling a schema never compiles another (types,
/// profiles and extensions are looked up here when an instance needs them), so there is no lock ordering to
/// get wrong. Thread-safe.
/// </summary>
internal sealed class SchemaCache
{
    public const string CoreStructurePrefix = "http://hl7.org/fhir/StructureDefinition/";

    private readonly ConcurrentDictionary<string, Lazy<PreparedDefinition?>> _prepared = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<StructureSchema?>> _schemas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _unreadable = new(StringComparer.Ordinal);
    private readonly SnapshotGenerator _generator;
    private readonly Func<PreparedDefinition, StructureSchema> _compile;

    public SchemaCache(IDefinitionSource definitions, Func<SchemaCache, Func<PreparedDefinition, StructureSchema>> compilerFactory)
    {
        Definitions = definitions;
        _generator = SnapshotGenerator.For(definitions);
        _compile = compilerFactory(this);
    }

    public IDefinitionSource Definitions { get; }

    /// <summary>How many schemas have been compiled (or found missing) so far.</summary>
    public int Count => _schemas.Count;

    /// <summary>The schema of a type name (<c>Quantity</c>) or a StructureDefinition canonical (<c>url</c> or <c>url|version</c>); null when unknown.</summary>
    public StructureSchema? Find(string typeOrCanonical) =>
        _schemas.GetOrAdd(typeOrCanonical, static (key, self) => new Lazy<StructureSchema?>(() => self.Compile(key)), this).Value;

    /// <summary>The definition with a snapshot (generated when it had none), or null when unknown or impossible to snapshot.</summary>
    public PreparedDefinition? Prepare(string typeOrCanonical) =>
        _prepared.GetOrAdd(typeOrCanonical, static (key, self) => new Lazy<PreparedDefinition?>(() => self.Load(key)), this).Value;

    /// <summary>The StructureDefinition of a type name or canonical as its source has it (no snapshot generated); null when unknown.</summary>
    public StructureDefinitionInfo? FindDefinition(string typeOrCanonical)
    {
        var canonical = ToCanonical(typeOrCanonical);
        return Definitions.FindStructureDefinition(canonical)
            ?? (Canonical.Split(canonical) is (var url, not null) ? Definitions.FindStructureDefinition(url) : null);
    }

    /// <summary>A bare type code stands for its core definition (<c>Patient</c> → <c>http://hl7.org/fhir/StructureDefinition/Patient</c>).</summary>
    public static string ToCanonical(string typeOrCanonical) =>
        typeOrCanonical.Contains(':', StringComparison.Ordinal) ? typeOrCanonical : CoreStructurePrefix + typeOrCanonical;

    /// <summary>Why the definition of a type or canonical could not be read or compiled (a malformed definition), or null.</summary>
    public string? Unreadable(string typeOrCanonical) => _unreadable.GetValueOrDefault(typeOrCanonical);

    private StructureSchema? Compile(string key)
    {
        try
        {
            return Prepare(key) is { } prepared ? _compile(prepared) : null;
        }
        catch (DefinitionFormatException e)
        {
            _unreadable.TryAdd(key, e.Message);
            return null;
        }
    }

    private PreparedDefinition? Load(string key)
    {
        StructureDefinitionInfo? definition;
        try
        {
            definition = FindDefinition(key);
        }
        catch (DefinitionFormatException e)
        {
            _unreadable.TryAdd(key, e.Message);
            return null;
        }
        if (definition is null) return null;
        if (definition.HasSnapshot) return new PreparedDefinition(definition, []);
        var generated = _generator.Generate(definition);
        var problems = generated.Issues.Select(i => Wrap(definition, i)).ToArray();
        return generated.Definition.HasSnapshot
            ? new PreparedDefinition(generated.Definition, problems)
            : new PreparedDefinition(definition, [.. problems, IssueCatalogue.ValSnapshotMissing.At(null, definition.Canonical)]);
    }

    /// <summary>
    /// A problem of generating a profile's snapshot, as reported where an instance is validated against the
    /// profile: a warning, since it is the profile's fault and not the instance's (validating the
    /// StructureDefinition itself reports it as the error it is).
    /// </summary>
    private static Issue Wrap(StructureDefinitionInfo definition, Issue issue) =>
        IssueCatalogue.ValSnapshotProblem.At(null, definition.Canonical, issue.Expression is null ? issue.Message : $"{issue.Message} (at {issue.Expression})")
            with { Severity = issue.Severity == IssueSeverity.Information ? IssueSeverity.Information : IssueSeverity.Warning };
}

/// <summary>A StructureDefinition ready to compile: with a snapshot when one could be had, and the problems of getting it.</summary>
internal sealed record PreparedDefinition(StructureDefinitionInfo Definition, IReadOnlyList<Issue> Problems)
{
    public bool HasSnapshot => Definition.HasSnapshot;
}
