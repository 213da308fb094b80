using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Functions;

/// <summary>
/// The FHIR additions to FHIRPath for R4 (FHIR spec §2.1.9.1.7): extension(), hasValue(), getValue(), resolve(),
/// conformsTo(), memberOf(), htmlChecks(), and the validator-context functions elementDefinition(), slice() and
/// checkModifiers().
/// </summary>
internal static class FhirFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Value("extension", 1, 1, true, Extension);
        r.Value("hasValue", 0, 0, false, static (f, _, in _) => Items.Bool(f.Count == 1 && f[0] is ElementNode { IsPrimitive: true, Text: not null }));
        r.Value("getValue", 0, 0, true, static (f, _, in _) => f.Count == 1 && f[0] is ElementNode { IsPrimitive: true, Text: not null } n ? Items.Single(Items.ToSystem(n)) : Items.Empty);
        r.Value("resolve", 0, 0, true, static (f, _, in s) => References.Resolve(f, s.Run));
        r.Value("conformsTo", 1, 1, true, ConformsTo);
        r.Value("memberOf", 1, 1, true, MemberOf);
        r.Value("htmlChecks", 0, 0, true, static (f, _, in _) => Items.Bool(Xhtml.IsSafe(f)));
        r.Value("htmlchecks", 0, 0, true, static (f, _, in _) => Items.Bool(Xhtml.IsSafe(f)));
        r.Value("elementDefinition", 0, 0, true, static (_, _, in _) => Items.Empty);
        r.Value("slice", 2, 2, true, static (_, _, in _) => throw new EvaluationError("slice() needs a validator context and is not available here"));
        r.Value("checkModifiers", 1, 1, true, CheckModifiers);
    }

    /// <summary>extension(url): the extensions of each item with that url.</summary>
    private static IReadOnlyList<object> Extension(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        if (args.String(0, scope, "extension") is not { } url) return Items.Empty;
        List<object>? result = null;
        foreach (var item in focus)
        {
            if (item is not ElementNode node) continue;
            foreach (var c in node.Children)
                if (c.Name == "extension" && c.Child("url")?.Text == url) (result ??= []).Add(c);
        }
        return result ?? Items.Empty;
    }

    /// <summary>conformsTo(profile): asks the environment's conformance delegate; an unknown profile is an error.</summary>
    private static IReadOnlyList<object> ConformsTo(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        if (args.String(0, scope, "conformsTo") is not { } url) return Items.Empty;
        var checker = scope.Run.Environment.ConformsTo ?? throw new EvaluationError("conformsTo() needs a profile conformance checker in the environment");
        var item = Items.SingleOrNone(focus, "conformsTo()");
        if (item is not ElementNode node) return Items.Empty;
        return Items.Bool(checker(node, url) ?? throw new EvaluationError($"Unknown profile '{url}' in conformsTo()"));
    }

    /// <summary>memberOf(valueSet): asks the environment's terminology delegate; empty when there is none or it does not know.</summary>
    private static IReadOnlyList<object> MemberOf(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        if (args.String(0, scope, "memberOf") is not { } url || scope.Run.Environment.Terminology is not { } terminology) return Items.Empty;
        var item = Items.SingleOrNone(focus, "memberOf()")!;
        return Items.Bool(terminology(item, url));
    }

    /// <summary>checkModifiers(urls): the input when every modifierExtension is one of the given urls; otherwise an error.</summary>
    private static IReadOnlyList<object> CheckModifiers(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in args.Value(0, scope))
            if (Items.ToSystem(v) is string s) allowed.Add(s);
        foreach (var item in focus)
        {
            if (item is not ElementNode node) continue;
            foreach (var c in node.ChildrenNamed("modifierExtension"))
            {
                var url = c.Child("url")?.Text ?? "";
                if (!allowed.Contains(url)) throw new EvaluationError($"Unknown modifier extension '{url}'");
            }
        }
        return focus;
    }
}
