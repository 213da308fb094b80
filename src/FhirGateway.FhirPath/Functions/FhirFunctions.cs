using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Functions;

/// <summary>
/// The FHIR additions to FHIRPath for R4 (FHIR spec §2.1.9.1.7) that read the instance alone: extension(),
/// hasValue(), getValue(), resolve(), htmlChecks(). Terminology and validator-context functions are in
/// <see cref="TerminologyFunctions"/> and <see cref="ValidatorContextFunctions"/>.
/// </summary>
internal static class FhirFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("extension(String): Any", true, Extension);
        r.Add("hasValue(): Boolean", false, static (f, _, in _) => Items.Bool(f.Count == 1 && f[0] is ElementNode { IsPrimitive: true, Text: not null }));
        r.Add("getValue(): Any", true, static (f, _, in _) => f.Count == 1 && f[0] is ElementNode { IsPrimitive: true, Text: not null } n ? Items.Single(Items.ToSystem(n)) : Items.Empty);
        r.Add("resolve(): Any", true, static (f, _, in s) => References.Resolve(f, s.Run));
        r.Add("htmlChecks(): Boolean", true, static (f, _, in _) => Items.Bool(Xhtml.IsSafe(f)));
        r.Add("htmlchecks(): Boolean", true, static (f, _, in _) => Items.Bool(Xhtml.IsSafe(f)));
    }

    /// <summary>extension(url): the extensions of each item with that url.</summary>
    private static IReadOnlyList<object> Extension(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        if (args.String(0, scope, "extension") is not { } url) return Items.Empty;
        List<object>? result = null;
        foreach (var item in focus)
        {
            if (item is not ElementNode node) continue;
            var children = node.Children;
            for (var i = 0; i < children.Count; i++)
            {
                var c = children[i];
                if (c.Name == "extension" && c.Child("url")?.Text == url) (result ??= []).Add(c);
            }
        }
        return result ?? Items.Empty;
    }
}
