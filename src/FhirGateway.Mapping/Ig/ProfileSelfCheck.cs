using System.Collections.Concurrent;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Snapshots;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.FhirPath;
using FhirGateway.FhirPath.Syntax;

namespace FhirGateway.Mapping.Ig;

/// <summary>
/// A light check of a resource against a clinic profile, driven by the profile's generated snapshot: the resource
/// must read as FHIR R4 (typed JSON reader), every non-sliced element the profile requires must be present, and every
/// invariant the clinic's profiles declare (source under the IG's base) must hold. It stands in for the full
/// validator (FhirValidator) where that is not available; it does not check bindings, patterns or slices.
/// Compiled once per profile; thread-safe.
/// </summary>
public sealed class ProfileSelfCheck
{
    private sealed record Rule(string Path, string NodePath, int Min, ConstraintInfo? Constraint, CompiledExpression? Expression, string? CompileError);

    private readonly IDefinitionSource _definitions;
    private readonly FhirJsonParser _parser;
    private readonly FhirPathCompiler _compiler;
    private readonly SnapshotGenerator _snapshots;
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<Rule>?>> _rules = new(StringComparer.Ordinal);

    public ProfileSelfCheck(IDefinitionSource definitions)
    {
        _definitions = definitions ?? throw new ArgumentNullException(nameof(definitions));
        var model = new StructureTypeModel(definitions);
        _parser = new FhirJsonParser(model);
        _compiler = new FhirPathCompiler(model);
        _snapshots = SnapshotGenerator.For(definitions);
    }

    /// <summary>Checks one resource (FHIR JSON) against <paramref name="profile"/>; <paramref name="origin"/> names it in the issues.</summary>
    public IReadOnlyList<Issue> Check(ReadOnlyMemory<byte> json, string profile, string? origin = null)
    {
        var parsed = _parser.Parse(json, origin);
        var issues = new List<Issue>(parsed.Issues);
        if (parsed.Root is null) return issues;
        var rules = _rules.GetOrAdd(profile, p => new Lazy<IReadOnlyList<Rule>?>(() => Compile(p))).Value;
        if (rules is null)
        {
            issues.Add(IssueCatalogue.IgProfileUnknown.At(parsed.Root.Name, profile) with { Origin = origin });
            return issues;
        }
        foreach (var rule in rules) Apply(rule, parsed.Root, issues, origin);
        return issues;
    }

    private void Apply(Rule rule, ElementNode root, List<Issue> issues, string? origin)
    {
        var parents = rule.NodePath.Length == 0 ? [root] : Navigate(root, rule.NodePath);
        foreach (var node in parents)
        {
            if (rule.Constraint is null)
            {
                var name = rule.Path[(rule.Path.LastIndexOf('.') + 1)..].Replace("[x]", "", StringComparison.Ordinal);
                var count = node.ChildrenNamed(name).Count();
                if (count < rule.Min) issues.Add(Place(IssueCatalogue.IgRequiredMissing.At(node.Location, rule.Path[..rule.Path.LastIndexOf('.')], rule.Min, name, count), node, origin));
                continue;
            }
            var c = rule.Constraint;
            if (rule.Expression is null)
            {
                issues.Add(Place(IssueCatalogue.IgInvariantNotEvaluated.At(node.Location, c.Key, rule.CompileError), node, origin));
                continue;
            }
            bool? holds;
            try
            {
                holds = rule.Expression.Predicate(node);
            }
            catch (FhirPathEvaluationException e)
            {
                issues.Add(Place(IssueCatalogue.IgInvariantNotEvaluated.At(node.Location, c.Key, e.Message), node, origin));
                continue;
            }
            if (holds == false)
            {
                var issue = IssueCatalogue.IgInvariantFailed.At(node.Location, c.Key, c.Human);
                if (c.Severity != "error") issue = issue with { Severity = IssueSeverity.Warning };
                issues.Add(Place(issue, node, origin));
            }
        }
    }

    private static Issue Place(Issue issue, ElementNode node, string? origin)
    {
        var (line, column) = node.LineColumn;
        return (line > 0 ? issue.WithPosition(line, column) : issue) with { Origin = origin };
    }

    /// <summary>The nodes at a dotted path below the root (names without <c>[x]</c>).</summary>
    private static IEnumerable<ElementNode> Navigate(ElementNode root, string path)
    {
        IEnumerable<ElementNode> nodes = [root];
        foreach (var step in path.Split('.')) nodes = nodes.SelectMany(n => n.ChildrenNamed(step.Replace("[x]", "", StringComparison.Ordinal)));
        return nodes;
    }

    private IReadOnlyList<Rule>? Compile(string profile)
    {
        var definition = _definitions.FindStructureDefinition(profile);
        if (definition is null) return null;
        var snapshot = definition.HasSnapshot ? definition : _snapshots.Generate(definition).Definition;
        var rules = new List<Rule>();
        foreach (var element in snapshot.Snapshot)
        {
            if (element.Id is { } id && id.Contains(':', StringComparison.Ordinal)) continue;
            var dot = element.Path.IndexOf('.', StringComparison.Ordinal);
            var relative = dot < 0 ? "" : element.Path[(dot + 1)..];
            if (element.Min is > 0 && relative.Length > 0)
            {
                var parent = relative.Contains('.', StringComparison.Ordinal) ? relative[..relative.LastIndexOf('.')] : "";
                rules.Add(new Rule(element.Path, parent, element.Min.Value, null, null, null));
            }
            foreach (var c in element.Constraints)
            {
                if (c.Expression is null || c.Source is null || !c.Source.StartsWith(ClinicIg.Base, StringComparison.Ordinal)) continue;
                var compiled = _compiler.TryCompile(c.Expression);
                rules.Add(new Rule(element.Path, relative, 0, c, compiled.Expression, compiled.Error?.Message));
            }
        }
        return rules;
    }
}
