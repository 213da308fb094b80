using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Functions;

/// <summary>
/// Type functions (spec §6.3 and §5.2 ofType, §10 type()): is(), as(), ofType(), type(). The as() function filters a
/// collection like ofType() instead of demanding a single item, because R4 core invariants rely on it
/// (dom-3: <c>%resource.descendants().as(canonical)</c>), as the HL7 Java validator does; the <c>as</c> operator stays single-item.
/// </summary>
internal static class TypeFunctions
{
    private static readonly ParamKind[] TypeParam = [ParamKind.Type];

    public static void Register(FunctionTable.Registry r)
    {
        r.Kinds("is", 1, 1, TypeParam, true, static (f, a, in s) => Items.Bool(a.Type(0).Matches(Single(f, "is"), s.Run.Model)));
        r.Kinds("as", 1, 1, TypeParam, true, OfType);
        r.Kinds("ofType", 1, 1, TypeParam, true, OfType);
        r.Value("type", 0, 0, true, TypeOf);
    }

    private static object Single(IReadOnlyList<object> focus, string name) => Items.SingleOrNone(focus, name + "()")!;

    private static IReadOnlyList<object> OfType(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var type = args.Type(0);
        List<object>? result = null;
        foreach (var item in focus)
            if (type.Matches(item, scope.Run.Model, exactPrimitives: true)) (result ??= []).Add(item);
        return result ?? Items.Empty;
    }

    private static IReadOnlyList<object> TypeOf(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var result = new object[focus.Count];
        for (var i = 0; i < focus.Count; i++)
        {
            result[i] = focus[i] is ElementNode node
                ? new TypeInfoValue("FHIR", node.InstanceType ?? "Element")
                : new TypeInfoValue("System", Items.SystemTypeName(focus[i]) ?? "Any");
        }
        return result;
    }
}
