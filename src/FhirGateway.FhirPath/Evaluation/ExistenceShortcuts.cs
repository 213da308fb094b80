using FhirGateway.FhirPath.Ast;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>Counts the items a path gives without collecting them; <paramref name="stopAt"/> lets exists()/empty() stop at the first.</summary>
internal delegate int Counter(in Scope scope, int stopAt);

/// <summary>
/// count(), exists() and empty() (without criteria) applied to a member (<c>contained.meta.security.empty()</c>,
/// <c>id.count()</c>) or to children() (<c>children().count()</c>) count the children they would select instead of
/// building the collection: these shapes fill the core invariants (ele-1, ext-1, dom-2…6) that run on every element.
/// The result is the same as the general path's.
/// </summary>
internal static class ExistenceShortcuts
{
    public static Evaluator? TryCompile(FunctionExpr f, Compiler compiler)
    {
        if (f.Arguments.Count != 0 || f.Name is not ("count" or "exists" or "empty")) return null;
        Counter? counter = f.Source switch
        {
            MemberExpr { Source: { } source } m => Children(compiler.Compile(source), m.Name),
            MemberExpr { Source: null } m when !char.IsAsciiLetterUpper(m.Name[0]) => ChildrenOfInput(m.Name),
            FunctionExpr { Name: "children", Arguments.Count: 0 } c => AllChildren(c.Source is null ? null : compiler.Compile(c.Source)),
            _ => null,
        };
        if (counter is null) return null;
        return f.Name switch
        {
            "count" => (in Scope s) => Items.Integer(counter(s, int.MaxValue)),
            "exists" => (in Scope s) => Items.Bool(counter(s, 1) > 0),
            _ => (in Scope s) => Items.Bool(counter(s, 1) == 0),
        };
    }

    private static Counter Children(Evaluator source, string name) => (in Scope s, int stopAt) => Navigation.CountChildren(source(s), name, stopAt);

    private static Counter ChildrenOfInput(string name) => (in Scope s, int stopAt) => Navigation.CountChildren(s.Input, name, stopAt);

    private static Counter AllChildren(Evaluator? source) => (in Scope s, int _) => Navigation.CountAllChildren(source is null ? s.Input : source(s));
}
