using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Ast;
using FhirGateway.FhirPath.Functions;
using FhirGateway.FhirPath.Syntax;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>
/// Compile-time semantic checks over the expression tree, driven by the function table's signatures: members that no
/// possible type has (<c>name.given1</c>, <c>Observation.valueQuantity</c>, <c>(value as Period).unit</c>), a function
/// applied to an input it cannot take (<c>identifier.startsWith('x')</c>, <c>'a'.round()</c>), arguments of the wrong kind
/// (<c>substring('a')</c>, <c>iif('x', 1, 2)</c>), date/time arithmetic with a bare number, and — when
/// <see cref="FhirPathOptions.CheckOrderedFunctions"/> is set — ordered functions on unordered collections. Types are
/// followed through navigation, literals, as/ofType and the table's result kinds; where a type is unknown the checks
/// stay silent, so a path the checker cannot follow is never rejected.
/// </summary>
internal sealed class StaticChecker(ITypeModel? model, FhirPathOptions options)
{
    private static readonly string[] Numbers = ["System.Integer", "System.Decimal"];
    private static readonly string[] Temporals = ["System.Date", "System.DateTime", "System.Time"];

    /// <summary>Checks an expression evaluated on an element of <paramref name="contextType"/> (unknown when null).</summary>
    public void Check(Expr expr, string? contextType)
    {
        var start = contextType is not null && model?.FindType(contextType) is { } t ? new StaticShape([t], false) : StaticShape.Unknown;
        Infer(expr, start, start);
    }

    private static FhirPathCompileException Error(string message, SourcePosition at) => new(FhirPathErrorKind.Semantic, message, at);

    private StaticShape Infer(Expr expr, StaticShape input, StaticShape @this)
    {
        switch (expr)
        {
            case LiteralExpr l:
                return StaticShape.OfLiteral(l.Value);
            case MemberExpr m:
                return Member(m, m.Source is null ? input : Infer(m.Source, input, @this), m.Source is null);
            case FunctionExpr f:
                return Function(f, f.Source is null ? input : Infer(f.Source, input, @this), input, @this);
            case ThisExpr:
                return @this;
            case IndexerExpr i:
                Infer(i.Index, input, @this);
                var source = Infer(i.Source, input, @this);
                if (options.CheckOrderedFunctions && source.Unordered)
                    throw Error("The indexer depends on order, but children() and descendants() give an unordered collection", i.Position);
                return source with { Unordered = false };
            case TypeOperatorExpr t:
                var operand = Infer(t.Operand, input, @this);
                return t.Operator == "as" ? Named(t.Type) with { Unordered = operand.Unordered } : StaticShape.System("Boolean");
            case BinaryExpr b:
                return Binary(b, Infer(b.Left, input, @this), Infer(b.Right, input, @this));
            case UnaryExpr u:
                Infer(u.Operand, input, @this);
                return StaticShape.Unknown;
            default:
                return StaticShape.Unknown;
        }
    }

    private static StaticShape Binary(BinaryExpr b, StaticShape left, StaticShape right)
    {
        switch (b.Operator)
        {
            case "|":
                return new StaticShape(left.Types is not null && right.Types is not null ? [.. left.Types, .. right.Types] : null, left.Unordered || right.Unordered);
            case "&":
                return StaticShape.System("String");
            case "+" or "-" or "*" or "/" or "div" or "mod":
                if (left.IsOnly(Temporals) && right.IsOnly(Numbers))
                    throw Error($"Operator '{b.Operator}' cannot add a number to a date/time; use a quantity such as 7 days", b.Position);
                return StaticShape.Unknown;
            default:
                return StaticShape.System("Boolean");
        }
    }

    /// <summary>The shape a type specifier names: a followable FHIR type, else a System type of that name, else unknown.</summary>
    private StaticShape Named(TypeSpecifierExpr t)
    {
        if (t.Namespace != "System" && model?.FindType(t.Name) is { } d) return Followable(d) ? new StaticShape([d], false) : StaticShape.Unknown;
        return t.Namespace == "FHIR" ? StaticShape.Unknown : StaticShape.System(t.Name);
    }

    /// <summary>Abstract and open types (Resource, DomainResource, Element…) stand for their descendants, which the checker cannot follow.</summary>
    private static bool Followable(TypeDescriptor d) => !d.IsAbstract && d.Kind is TypeKind.Resource or TypeKind.Complex or TypeKind.Backbone or TypeKind.Primitive;

    private StaticShape Member(MemberExpr m, StaticShape source, bool atStart)
    {
        if (source.Types is not { } types || model is null) return source with { Types = null };
        if (atStart && char.IsAsciiLetterUpper(m.Name[0]))
        {
            foreach (var t in types)
                if (t.Name == m.Name || t.TypeCode == m.Name || model.IsSameOrSubtype(t.Name, m.Name)) return source;
        }
        var result = new List<TypeDescriptor>();
        foreach (var t in types)
        {
            if (!Followable(t)) return source with { Types = null };
            var p = t.FindProperty(m.Name);
            if (p is null) continue;
            if (p.NestedType is { } nested)
            {
                result.Add(nested);
                continue;
            }
            foreach (var code in p.TypeCodes)
            {
                if (model.FindType(code) is not { } d || !Followable(d)) return source with { Types = null };
                result.Add(d);
            }
        }
        if (result.Count == 0) throw Error($"'{m.Name}' is not an element of {source.Describe()}", m.Position);
        return source with { Types = [.. result] };
    }

    private StaticShape Function(FunctionExpr f, StaticShape source, StaticShape input, StaticShape @this)
    {
        if (FunctionTable.Find(f.Name) is not { } def) return StaticShape.Unknown;
        var projected = StaticShape.Unknown;
        FhirPathType? typeArgument = null;
        var item = source with { Unordered = false };
        for (var i = 0; i < f.Arguments.Count; i++)
        {
            var kind = def.KindOf(i);
            var arg = f.Arguments[i];
            if (kind == ParamKind.Type)
            {
                if (arg is MemberExpr { Source: null } named) typeArgument = new FhirPathType(named.Name, null, named.Name);
                continue;
            }
            if (kind == ParamKind.SortKey && arg is UnaryExpr { Operator: "-" } minus) arg = minus.Operand;
            var perItem = kind is ParamKind.Expression or ParamKind.Criterion or ParamKind.SortKey;
            var shape = perItem ? Infer(arg, item, item) : Infer(arg, input, @this);
            CheckArgument(f, i, kind, shape, arg.Position);
            if (kind == ParamKind.Expression && i == 0) projected = shape;
        }
        CheckInput(f, def, source);
        if (options.CheckOrderedFunctions && def.DependsOnOrder && source.Unordered)
            throw Error($"{f.Name}() depends on order, but children() and descendants() give an unordered collection", f.Position);
        if (typeArgument is not null && f.Name is "as" or "ofType")
            return (model?.FindType(typeArgument.Text) is { } d && Followable(d) ? new StaticShape([d], false) : StaticShape.Unknown) with { Unordered = source.Unordered };
        return def.Result switch
        {
            ResultKind.Input => def.Sorts ? source with { Unordered = false } : source,
            ResultKind.Projection => projected with { Unordered = projected.Unordered || source.Unordered },
            ResultKind.Unordered => new StaticShape(null, true),
            ResultKind.System => StaticShape.System(def.ResultType!),
            _ => StaticShape.Unknown,
        };
    }

    private static void CheckInput(FunctionExpr f, FunctionDef def, StaticShape source)
    {
        var wrong = def.Input switch
        {
            InputKind.String => source.ProvesNot("System.String"),
            InputKind.Number => source.ProvesNot(Numbers),
            _ => false,
        };
        if (wrong) throw Error($"{f.Name}() expects {(def.Input == InputKind.String ? "a string" : "a number")} but is applied to {source.Describe()}", f.Position);
    }

    private static void CheckArgument(FunctionExpr f, int index, ParamKind kind, StaticShape shape, SourcePosition at)
    {
        var expected = kind switch
        {
            ParamKind.String when shape.ProvesNot("System.String") => "a string",
            ParamKind.Integer when shape.ProvesNot("System.Integer") => "an integer",
            ParamKind.Number when shape.ProvesNot(Numbers) => "a number",
            ParamKind.Criterion when shape.IsSystemOnly && shape.ProvesNot("System.Boolean") => "a boolean",
            _ => null,
        };
        if (expected is not null) throw Error($"Argument {index + 1} of {f.Name}() must be {expected}, not {shape.Describe()}", at);
    }
}
