using System.Collections.Concurrent;
using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>
/// Generates the snapshot of a StructureDefinition from its differential and its base's snapshot (the base's
/// own snapshot generated first when it has none). Problems in the differential are returned as issues.
/// Thread-safe when the lookup is; generated base snapshots are cached per generator.
/// </summary>
public sealed class SnapshotGenerator(DefinitionLookup lookup, SnapshotOptions? options = null)
{
    private readonly SnapshotOptions options = options ?? SnapshotOptions.Default;
    private readonly ConcurrentDictionary<string, StructureDefinitionInfo> generated = new(StringComparer.Ordinal);

    /// <summary>A generator that resolves bases, data types and profiles from a definition source (a resolver chain).</summary>
    public static SnapshotGenerator For(IDefinitionSource source, SnapshotOptions? options = null) =>
        new(source.FindStructureDefinition, options);

    public SnapshotResult Generate(StructureDefinitionInfo profile)
    {
        var issues = new List<Issue>();
        var definition = Generate(profile, new HashSet<string>(StringComparer.Ordinal), issues);
        return new SnapshotResult(definition, issues);
    }

    private StructureDefinitionInfo Generate(StructureDefinitionInfo profile, HashSet<string> inProgress, List<Issue> issues)
    {
        var own = new List<Issue>();
        try
        {
            return GenerateOwn(profile, inProgress, own, issues);
        }
        finally
        {
            issues.AddRange(own.Select(i => i with { Origin = i.Origin ?? profile.Url }));
        }
    }

    private StructureDefinitionInfo GenerateOwn(StructureDefinitionInfo profile, HashSet<string> inProgress, List<Issue> own, List<Issue> all)
    {
        if (profile.Differential.Count == 0)
        {
            if (!profile.HasSnapshot) own.Add(IssueCatalogue.SnapshotNoDifferential.At(null, profile.Url));
            return profile;
        }
        if (!inProgress.Add(profile.Url))
        {
            own.Add(IssueCatalogue.SnapshotBaseCycle.At(null, profile.Url));
            return profile;
        }
        try
        {
            SnapshotNode root;
            if (profile.BaseDefinition is null)
            {
                root = SnapshotTree.Build(profile.Differential, p => p, own);
            }
            else
            {
                if (WithSnapshot(profile.BaseDefinition, inProgress, all) is not { } baseDefinition)
                {
                    own.Add(IssueCatalogue.SnapshotBaseNotFound.At(null, profile.BaseDefinition));
                    return profile;
                }
                root = SnapshotTree.Build(baseDefinition.Snapshot, RootRewrite(baseDefinition.Snapshot[0].Path, profile), own);
                var walker = new DifferentialWalker(root, profile, options, c => WithSnapshot(c, inProgress, all), own);
                foreach (var element in profile.Differential) walker.Apply(element);
            }
            return profile with { Snapshot = SnapshotTree.Flatten(root) };
        }
        finally
        {
            inProgress.Remove(profile.Url);
        }
    }

    /// <summary>A specialization renames the base's root (<c>DomainResource</c> → <c>Observation</c>); a constraint keeps it.</summary>
    private static Func<string, string> RootRewrite(string baseRoot, StructureDefinitionInfo profile)
    {
        var ownRoot = profile.Differential[0].Path.Split('.')[0];
        if (ownRoot == baseRoot || profile.Derivation != "specialization") return p => p;
        return p => p == baseRoot ? ownRoot : p.StartsWith(baseRoot + ".", StringComparison.Ordinal) ? ownRoot + p[baseRoot.Length..] : p;
    }

    private StructureDefinitionInfo? WithSnapshot(string canonical, HashSet<string> inProgress, List<Issue> issues)
    {
        var definition = lookup(canonical) ?? (canonical.IndexOf('|') is var bar and > 0 ? lookup(canonical[..bar]) : null);
        if (definition is null) return null;
        var regenerate = options.RegenerateBaseSnapshots && definition.Derivation == "constraint" && definition.Differential.Count > 0;
        if (definition.HasSnapshot && !regenerate) return definition;
        if (generated.TryGetValue(definition.Canonical, out var done)) return done;
        var result = Generate(definition, inProgress, issues);
        if (!result.HasSnapshot) return null;
        generated[definition.Canonical] = result;
        return result;
    }
}
