using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Functions;

/// <summary>
/// The FHIR terminology additions (FHIR R4 §2.1.9.1.7): memberOf(), subsumes(), subsumedBy(). They ask the
/// environment's delegates; without one, or when the delegate cannot tell, the result is empty (unknown).
/// </summary>
internal static class TerminologyFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("memberOf(String): Boolean", true, MemberOf);
        r.Add("subsumes(Any): Boolean", true, static (f, a, in s) => Subsumes(f, a, s, "subsumes", generalIsInput: true));
        r.Add("subsumedBy(Any): Boolean", true, static (f, a, in s) => Subsumes(f, a, s, "subsumedBy", generalIsInput: false));
    }

    /// <summary>memberOf(valueSet): whether the single code, Coding, CodeableConcept or string is in the value set.</summary>
    private static IReadOnlyList<object> MemberOf(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var item = Items.SingleOrNone(focus, "memberOf()")!;
        if (args.String(0, scope, "memberOf") is not { } url || scope.Run.Environment.Terminology is not { } terminology) return Items.Empty;
        return Items.Bool(terminology(item, url));
    }

    /// <summary>subsumes(code) / subsumedBy(code): the code of the input against the code of the argument.</summary>
    private static IReadOnlyList<object> Subsumes(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope, string name, bool generalIsInput)
    {
        var item = Items.SingleOrNone(focus, name + "()")!;
        var other = Items.SingleOrNone(args.Value(0, scope), $"Argument 1 of {name}()");
        if (other is null || scope.Run.Environment.Subsumption is not { } subsumption) return Items.Empty;
        return Items.Bool(generalIsInput ? subsumption(item, other) : subsumption(other, item));
    }
}
