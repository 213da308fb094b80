using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Functions;

/// <summary>
/// The FHIR additions that need a validation context (FHIR R4 §2.1.9.1.7): conformsTo(), elementDefinition(),
/// slice() and checkModifiers(). conformsTo(), elementDefinition() and slice() ask the environment's delegates
/// (see <see cref="FhirPathEnvironment"/>); checkModifiers() reads the instance.
/// </summary>
internal static class ValidatorContextFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("conformsTo(String): Boolean", true, ConformsTo);
        r.Add("elementDefinition(): Any", true, ElementDefinition);
        r.Add("slice(String, String): Input", true, Slice);
        r.Add("checkModifiers(Any): Input", true, CheckModifiers);
    }

    /// <summary>conformsTo(profile): asks the environment's conformance delegate; no delegate or an unknown profile is an error.</summary>
    private static IReadOnlyList<object> ConformsTo(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var item = Items.SingleOrNone(focus, "conformsTo()");
        if (args.String(0, scope, "conformsTo") is not { } url) return Items.Empty;
        var checker = scope.Run.Environment.ConformsTo ?? throw new EvaluationError("conformsTo() needs a profile conformance checker in the environment");
        if (item is not ElementNode node) return Items.Empty;
        return Items.Bool(checker(node, url) ?? throw new EvaluationError($"Unknown profile '{url}' in conformsTo()"));
    }

    /// <summary>
    /// elementDefinition(): for each element, the ElementDefinition that governs it, as a navigable ElementDefinition
    /// element. The environment's provider answers when there is one (the validator's profile); otherwise the base
    /// definition from the type model. Elements with neither contribute nothing.
    /// </summary>
    private static IReadOnlyList<object> ElementDefinition(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var provider = scope.Run.Environment.ElementDefinitions;
        List<object>? result = null;
        foreach (var item in focus)
        {
            if (item is not ElementNode node) continue;
            var definition = provider is not null ? provider(node) : node.Definition;
            if (definition is not null) (result ??= []).Add(ElementDefinitionNodes.For(definition, scope.Run.Model));
        }
        return result ?? Items.Empty;
    }

    /// <summary>slice(structure, name): the items that match the named slice; an unknown structure or slice (or no matcher) is an error.</summary>
    private static IReadOnlyList<object> Slice(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var structure = args.String(0, scope, "slice");
        var name = args.String(1, scope, "slice");
        if (structure is null || name is null) return Items.Empty;
        var matcher = scope.Run.Environment.Slices
            ?? throw new EvaluationError($"slice('{structure}', '{name}') needs a slice matcher in the environment (a validator context)");
        List<object>? result = null;
        foreach (var item in focus)
        {
            if (item is not ElementNode node) continue;
            var matches = matcher(node, structure, name) ?? throw new EvaluationError($"Unknown slice '{name}' of '{structure}' in slice()");
            if (matches) (result ??= []).Add(item);
        }
        return result ?? Items.Empty;
    }

    /// <summary>
    /// checkModifiers(modifiers): the input when no item has a modifierExtension other than the given urls (each argument
    /// string may hold several, comma-separated); otherwise an error naming the first unknown one.
    /// </summary>
    private static IReadOnlyList<object> CheckModifiers(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in args.Value(0, scope))
        {
            if (Items.ToSystem(v) is not string s) throw new EvaluationError("checkModifiers() expects extension urls as strings");
            foreach (var url in s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) allowed.Add(url);
        }
        foreach (var item in focus)
        {
            if (item is not ElementNode node) continue;
            foreach (var c in node.ChildrenNamed("modifierExtension"))
            {
                var url = c.Child("url")?.Text ?? "";
                if (!allowed.Contains(url)) throw new EvaluationError($"Unknown modifier extension '{url}' on {node.Location}");
            }
        }
        return focus;
    }
}
