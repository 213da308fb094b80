using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Syntax;
using FhirGateway.Validation.Definitions;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// Where an extension may be used (StructureDefinition.context and contextInvariant). An element context matches
/// the host by its type (or a type it derives from, <c>Element</c> matching everything) or by its definition path
/// (<c>Patient.name</c>); an extension context by the host extension's url; a FHIRPath context when evaluating it
/// on the host's resource yields the host. Context invariants are evaluated on the host.
/// </summary>
internal static class ExtensionContext
{
    public static CheckResult Check(StructureDefinitionInfo extension, ElementNode node, ElementNode host, ValidationRun run)
    {
        var result = CheckResult.Success;
        var contexts = R4Errata.Contexts(extension);
        if (contexts.Count > 0 && !InDefinitionValue(host) && !contexts.Any(c => Allows(c, host, run)))
            result = CheckResult.Of(IssueAt.Node(IssueCatalogue.ValExtensionContext, node, extension.Url, Describe(host),
                string.Join(", ", contexts.Select(c => c.Expression))));
        foreach (var invariant in extension.ContextInvariants)
        {
            var compiled = run.Engine.FhirPath.TryCompile(invariant);
            bool? holds;
            try
            {
                holds = compiled.Expression?.Predicate(host, run.Environment);
            }
            catch (FhirPathEvaluationException)
            {
                holds = null;
            }
            if (holds == false)
                result = CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValExtensionContextInvariant, node, extension.Url, invariant)));
        }
        return result;
    }

    private static bool Allows(ContextInfo context, ElementNode host, ValidationRun run) => context.Type switch
    {
        "element" => ElementAllows(context.Expression, host, run.Types),
        "extension" => host.InstanceType == "Extension" && (host.Child("url")?.Text == context.Expression || context.Expression == "Extension"),
        "fhirpath" => FhirPathAllows(context.Expression, host, run),
        _ => true,
    };

    private static bool ElementAllows(string expression, ElementNode host, ITypeModel types)
    {
        if (expression is "Element" or "Base" or "Any") return true;
        if (expression is "CanonicalResource" or "MetadataResource" && host.IsResource && IsCanonicalResource(host)) return true;
        if (host.InstanceType is { } type && (type == expression || types.IsSameOrSubtype(type, expression))) return true;
        if (host.Property is not { } property) return false;
        if (property.Path == expression || Inherited(property.Path, expression, types)) return true;
        var reference = property.Definition.ContentReference;
        return reference is not null && reference[(reference.IndexOf('#') + 1)..] == expression;
    }

    /// <summary>An element a type inherits from the one the context names: <c>Patient.text</c> for <c>DomainResource.text</c>.</summary>
    private static bool Inherited(string path, string expression, ITypeModel types)
    {
        var (dot, contextDot) = (path.IndexOf('.'), expression.IndexOf('.'));
        return dot > 0 && contextDot > 0 && path.AsSpan(dot).SequenceEqual(expression.AsSpan(contextDot))
            && types.IsSameOrSubtype(path[..dot], expression[..contextDot]);
    }

    /// <summary>
    /// R5's CanonicalResource (named by extensions also meant for R4) is, in R4 terms, a resource type with the
    /// url, version, name and status of a canonical resource.
    /// </summary>
    private static bool IsCanonicalResource(ElementNode resource) =>
        resource.Type is { } type && type.FindProperty("url") is not null && type.FindProperty("version") is not null
        && type.FindProperty("name") is not null && type.FindProperty("status") is not null;

    /// <summary>Example, fixed and pattern values in an ElementDefinition stand for instances elsewhere: any extension may appear in them.</summary>
    private static bool InDefinitionValue(ElementNode host)
    {
        for (var n = host; n is not null && !n.IsResource; n = n.Parent)
            if (n.Property?.Path is "ElementDefinition.example.value[x]" or "ElementDefinition.fixed[x]" or "ElementDefinition.pattern[x]"
                or "ElementDefinition.defaultValue[x]" or "ElementDefinition.minValue[x]" or "ElementDefinition.maxValue[x]") return true;
        return false;
    }

    private static bool FhirPathAllows(string expression, ElementNode host, ValidationRun run)
    {
        var compiled = run.Engine.FhirPath.TryCompile(expression);
        if (compiled.Expression is null || host.ResourceRoot is not { } resource) return true;
        try
        {
            return compiled.Expression.Evaluate(resource, run.Environment).Any(item => ReferenceEquals(item, host));
        }
        catch (FhirPathEvaluationException)
        {
            return true;
        }
    }

    private static string Describe(ElementNode host) => host.Property?.Path is { } path && path != host.InstanceType
        ? $"{path} (of type {host.InstanceType})"
        : host.InstanceType ?? host.Name;
}
