using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Functions;

/// <summary>
/// Type functions (spec §6.3 and §5.2 ofType, §10 type()): is(), as(), ofType(), type(). as() filters a collection like
/// ofType() unless <see cref="FhirPathOptions.EnforceAsSingleton"/> is set, because R4 core invariants rely on it
/// (dom-3: <c>%resource.descendants().as(canonical)</c>), as the HL7 reference validator does before R5.
/// </summary>
internal static class TypeFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("is(Type): Boolean", true, static (f, a, in s) =>
            Items.Bool(a.Type(0).Matches(Single(f, "is"), s.Run.Model, primitivesAsSystem: s.Run.Options.PrimitivesAsSystemTypes)));
        r.Add("as(Type): Any", true, As);
        r.Add("ofType(Type): Any", true, static (f, a, in s) => Filter(f, a.Type(0), s.Run.Model, s.Run.Options.PrimitivesAsSystemTypes));
        r.Add("type(): Any", true, TypeOf);
    }

    private static object Single(IReadOnlyList<object> focus, string name) => Items.SingleOrNone(focus, name + "()")!;

    /// <summary>as(type): the items of the type, like ofType(); an error on several items when the options enforce the singleton rule.</summary>
    private static IReadOnlyList<object> As(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        if (scope.Run.Options.EnforceAsSingleton && focus.Count > 1) throw new EvaluationError($"as() expects a single item but got {focus.Count}");
        return Filter(focus, args.Type(0), scope.Run.Model, scope.Run.Options.PrimitivesAsSystemTypes);
    }

    /// <summary>The items that are of the type (a FHIR primitive only of its own type, as the HL7 suite expects for as/ofType).</summary>
    public static IReadOnlyList<object> Filter(IReadOnlyList<object> focus, FhirPathType type, ITypeModel? model, bool primitivesAsSystem = false)
    {
        if (focus.Count == 1) return type.Matches(focus[0], model, exactPrimitives: true, primitivesAsSystem) ? focus : Items.Empty;
        List<object>? result = null;
        foreach (var item in focus)
            if (type.Matches(item, model, exactPrimitives: true, primitivesAsSystem)) (result ??= []).Add(item);
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
