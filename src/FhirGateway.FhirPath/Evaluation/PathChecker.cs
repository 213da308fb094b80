using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Ast;
using FhirGateway.FhirPath.Syntax;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>
/// Compile-time checking of paths against the type model when the context type is known: a member that no
/// possible type has (<c>name.given1</c>, <c>Observation.valueQuantity</c>, <c>(value as Period).unit</c>) and a string
/// function applied to complex values are semantic errors. The set of possible types is tracked through navigation,
/// as/ofType and the functions that keep their input's type; anything else makes the type unknown, which
/// switches checking off (so the checker never rejects a path it cannot follow).
/// </summary>
internal sealed class PathChecker(ITypeModel model)
{
    private static readonly HashSet<string> SameType = ["where", "first", "last", "tail", "skip", "take", "single", "distinct", "trace", "intersect", "exclude", "sort"];
    private static readonly HashSet<string> Lambdas = ["where", "select", "repeat", "all", "exists", "sort", "aggregate", "iif", "trace"];
    private static readonly HashSet<string> StringFunctions = ["startsWith", "endsWith", "contains", "matches", "matchesFull", "replace", "replaceMatches", "substring", "indexOf", "upper", "lower", "length", "toChars", "split", "trim"];

    /// <summary>Checks an expression evaluated on an element of <paramref name="contextType"/>.</summary>
    public void Check(Expr expr, string contextType)
    {
        var type = model.FindType(contextType);
        if (type is not null) Infer(expr, Known([type]), Known([type]));
    }

    private static TypeDescriptor[]? Known(TypeDescriptor[] types) => types.Length == 0 ? null : types;

    /// <summary>The possible types of the expression's result, or null when unknown.</summary>
    private TypeDescriptor[]? Infer(Expr expr, TypeDescriptor[]? input, TypeDescriptor[]? @this)
    {
        switch (expr)
        {
            case MemberExpr m:
                return Member(m, m.Source is null ? input : Infer(m.Source, input, @this), m.Source is null);
            case FunctionExpr f:
                return Function(f, f.Source is null ? input : Infer(f.Source, input, @this), input, @this);
            case ThisExpr:
                return @this;
            case IndexerExpr i:
                Infer(i.Index, input, @this);
                return Infer(i.Source, input, @this);
            case TypeOperatorExpr t:
                Infer(t.Operand, input, @this);
                return t.Operator == "as" ? Named(t.Type) : null;
            case BinaryExpr b:
                var l = Infer(b.Left, input, @this);
                var r = Infer(b.Right, input, @this);
                return b.Operator == "|" && l is not null && r is not null ? [.. l, .. r] : null;
            case UnaryExpr u:
                Infer(u.Operand, input, @this);
                return null;
            default:
                return null;
        }
    }

    private TypeDescriptor[]? Named(TypeSpecifierExpr t) =>
        t.Namespace == "System" ? null : model.FindType(t.Name) is { } d && Followable(d) ? [d] : null;

    /// <summary>Abstract and open types (Resource, DomainResource, Element…) stand for their descendants, which the checker cannot follow.</summary>
    private static bool Followable(TypeDescriptor d) => !d.IsAbstract && d.Kind is TypeKind.Resource or TypeKind.Complex or TypeKind.Backbone or TypeKind.Primitive;

    private TypeDescriptor[]? Member(MemberExpr m, TypeDescriptor[]? source, bool atStart)
    {
        if (source is null) return null;
        if (atStart && char.IsAsciiLetterUpper(m.Name[0]))
        {
            foreach (var t in source)
                if (t.Name == m.Name || t.TypeCode == m.Name || model.IsSameOrSubtype(t.Name, m.Name)) return source;
        }
        var result = new List<TypeDescriptor>();
        foreach (var t in source)
        {
            if (!Followable(t)) return null;
            var p = t.FindProperty(m.Name);
            if (p is null) continue;
            if (p.NestedType is { } nested)
            {
                result.Add(nested);
                continue;
            }
            foreach (var code in p.TypeCodes)
            {
                if (model.FindType(code) is not { } d || !Followable(d)) return null;
                result.Add(d);
            }
        }
        if (result.Count == 0)
        {
            var names = string.Join(" or ", source.Select(s => s.Name).Distinct());
            throw new FhirPathCompileException(FhirPathErrorKind.Semantic, $"'{m.Name}' is not an element of {names}", m.Position);
        }
        return [.. result];
    }

    private TypeDescriptor[]? Function(FunctionExpr f, TypeDescriptor[]? source, TypeDescriptor[]? input, TypeDescriptor[]? @this)
    {
        var lambda = Lambdas.Contains(f.Name);
        TypeDescriptor[]? selected = null;
        foreach (var arg in f.Arguments)
        {
            if (f.Name is "is" or "as" or "ofType") break;
            var t = lambda ? Infer(arg, source, source) : Infer(arg, input, @this);
            if (f.Name is "select" or "repeat") selected = t;
        }
        if (StringFunctions.Contains(f.Name) && source is not null && source.All(s => s.Kind is not TypeKind.Primitive))
            throw new FhirPathCompileException(FhirPathErrorKind.Semantic, $"{f.Name}() expects a string but is applied to {string.Join(" or ", source.Select(s => s.Name).Distinct())}", f.Position);
        if (SameType.Contains(f.Name)) return source;
        if (f.Name is "as" or "ofType" && f.Arguments.Count == 1 && f.Arguments[0] is MemberExpr { Source: null } m)
            return model.FindType(m.Name) is { } d && Followable(d) ? [d] : null;
        if (f.Name == "select") return selected;
        return null;
    }
}
