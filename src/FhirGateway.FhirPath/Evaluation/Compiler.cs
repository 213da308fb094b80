using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Ast;
using FhirGateway.FhirPath.Functions;
using FhirGateway.FhirPath.Operators;
using FhirGateway.FhirPath.Syntax;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>
/// Turns an expression tree into nested <see cref="Evaluator"/> closures. Names, operators, constants and type
/// specifiers are resolved here once; unknown functions, wrong arity and unknown types are semantic errors.
/// </summary>
internal sealed class Compiler(ITypeModel? model, FhirPathOptions options)
{
    public Evaluator Compile(Expr expr) => expr switch
    {
        LiteralExpr l => Literal(l),
        MemberExpr m => Member(m),
        FunctionExpr f => Function(f),
        ThisExpr => static (in Scope s) => s.Input,
        IndexExpr => static (in Scope s) => [s.Index],
        TotalExpr => static (in Scope s) => s.Total ?? Items.Empty,
        ResourceExpr => static (in Scope s) => Items.Single(s.Run.Resource),
        RootResourceExpr => static (in Scope s) => Items.Single(s.Run.RootResource),
        ContextExpr => static (in Scope s) => s.Run.Context,
        VariableExpr v => Variable(v),
        IndexerExpr i => Indexer(i),
        UnaryExpr u => Unary(u),
        BinaryExpr b => Binary(b),
        TypeOperatorExpr t => TypeOperator(t),
        TypeSpecifierExpr t => throw Semantic($"Type {t} cannot be used as a value", t.Position),
        _ => throw new InvalidOperationException($"Unknown node {expr.GetType().Name}"),
    };

    private static FhirPathCompileException Semantic(string message, SourcePosition at) => new(FhirPathErrorKind.Semantic, message, at);

    private static Evaluator Literal(LiteralExpr l)
    {
        var constant = l.Value is null ? Items.Empty : l.Value is bool b ? Items.Bool(b) : [l.Value];
        return (in Scope _) => constant;
    }

    private Evaluator Member(MemberExpr m)
    {
        var name = m.Name;
        if (m.Source is null)
        {
            if (char.IsAsciiLetterUpper(name[0]))
            {
                var type = new FhirPathType(name, null, name);
                var typeModel = model;
                return (in Scope s) => Navigation.TypeOrChild(s.Input, name, type, typeModel);
            }
            return (in Scope s) => Navigation.Children(s.Input, name);
        }
        var source = Compile(m.Source);
        return (in Scope s) => Navigation.Children(source(s), name);
    }

    private Evaluator Function(FunctionExpr f)
    {
        var def = FunctionTable.Find(f.Name) ?? throw Semantic($"Unknown function '{f.Name}'", f.Position);
        if (ExistenceShortcuts.TryCompile(f, this) is { } shortcut) return shortcut;
        if (f.Arguments.Count < def.MinArgs || f.Arguments.Count > def.MaxArgs)
        {
            throw Semantic($"Function '{f.Name}' takes {def.Arity} argument(s), not {f.Arguments.Count}", f.Position);
        }
        var evaluators = new Evaluator[f.Arguments.Count];
        var types = new FhirPathType?[f.Arguments.Count];
        var descending = new bool[f.Arguments.Count];
        for (var i = 0; i < evaluators.Length; i++)
        {
            if (def.KindOf(i) == ParamKind.Type)
            {
                types[i] = ResolveType(TypeArgument(f.Arguments[i]));
                evaluators[i] = static (in Scope _) => Items.Empty;
            }
            else if (def.KindOf(i) == ParamKind.SortKey && f.Arguments[i] is UnaryExpr { Operator: "-" } minus)
            {
                descending[i] = true;
                evaluators[i] = Compile(minus.Operand);
            }
            else evaluators[i] = Compile(f.Arguments[i]);
        }
        var args = evaluators.Length == 0 ? FunctionArgs.None : new FunctionArgs(evaluators, types, descending);
        var source = f.Source is null ? null : Compile(f.Source);
        var body = def.Body;
        var propagates = def.PropagatesEmpty;
        var position = f.Position;
        return (in Scope s) =>
        {
            var focus = source is null ? s.Input : source(s);
            if (propagates && focus.Count == 0) return Items.Empty;
            try
            {
                return body(focus, args, s);
            }
            catch (EvaluationError e)
            {
                throw new FhirPathEvaluationException(e.Message, position);
            }
        };
    }

    /// <summary>An argument of is()/as()/ofType() read as a type specifier: <c>Quantity</c>, <c>System.Integer</c>, <c>FHIR.`string`</c>.</summary>
    private static TypeSpecifierExpr TypeArgument(Expr arg) => arg switch
    {
        MemberExpr { Source: null } m => new TypeSpecifierExpr(null, m.Name, m.Position),
        MemberExpr { Source: MemberExpr { Source: null, Name: "System" or "FHIR" } ns } m => new TypeSpecifierExpr(ns.Name, m.Name, ns.Position),
        TypeSpecifierExpr t => t,
        _ => throw Semantic("A type name is expected", arg.Position),
    };

    /// <summary>Resolves a type name: <c>System.X</c>, <c>FHIR.X</c>, or an unqualified name that may be both.</summary>
    public FhirPathType ResolveType(TypeSpecifierExpr t)
    {
        var isSystem = FhirPathType.SystemTypes.Contains(t.Name);
        var isFhir = model is null ? char.IsAsciiLetterLower(t.Name[0]) || !isSystem || t.Name == "Quantity" : model.FindType(t.Name) is not null;
        switch (t.Namespace)
        {
            case "System": return new FhirPathType(null, isSystem ? t.Name : "?" + t.Name, t.ToString());
            case "FHIR" when isFhir || model is null: return new FhirPathType(t.Name, null, t.ToString());
            case null when isSystem || isFhir: return new FhirPathType(isFhir ? t.Name : null, isSystem ? t.Name : null, t.ToString());
            default: throw Semantic($"Unknown type '{t}'", t.Position);
        }
    }

    private static Evaluator Variable(VariableExpr v)
    {
        var name = v.Name;
        IReadOnlyList<object>? constant = name switch
        {
            "ucum" => ["http://unitsofmeasure.org"],
            "sct" => ["http://snomed.info/sct"],
            "loinc" => ["http://loinc.org"],
            _ when name.StartsWith("vs-", StringComparison.Ordinal) => ["http://hl7.org/fhir/ValueSet/" + name[3..]],
            _ when name.StartsWith("ext-", StringComparison.Ordinal) => ["http://hl7.org/fhir/StructureDefinition/" + name[4..]],
            _ => null,
        };
        if (constant is not null) return (in Scope _) => constant;
        var position = v.Position;
        return (in Scope s) =>
        {
            for (var d = s.Variables; d is not null; d = d.Previous)
                if (d.Name == name) return d.Value;
            if (s.Run.Environment.Variables.TryGetValue(name, out var value)) return value;
            throw new FhirPathEvaluationException($"Unknown variable %{name}", position);
        };
    }

    private Evaluator Indexer(IndexerExpr i)
    {
        var source = Compile(i.Source);
        var index = Compile(i.Index);
        var position = i.Position;
        return (in Scope s) =>
        {
            var c = source(s);
            var ix = index(s);
            if (ix.Count == 0) return Items.Empty;
            if (ix.Count > 1 || Items.ToSystem(ix[0]) is not int n) throw new FhirPathEvaluationException("An index must be a single integer", position);
            return n >= 0 && n < c.Count ? [c[n]] : Items.Empty;
        };
    }

    private Evaluator Unary(UnaryExpr u)
    {
        var operand = Compile(u.Operand);
        var negate = u.Operator == "-";
        var position = u.Position;
        return (in Scope s) =>
        {
            var c = operand(s);
            if (c.Count == 0) return Items.Empty;
            if (c.Count > 1) throw new FhirPathEvaluationException($"Unary '{u.Operator}' expects a single item", position);
            object? r = Items.ToSystem(c[0]) switch
            {
                int n => negate ? -n : n,
                decimal d => negate ? Operators.Numbers.Unsigned0(-d) : d,
                Values.Quantity q => negate ? q with { Value = -q.Value } : q,
                var other => throw new FhirPathEvaluationException($"Unary '{u.Operator}' cannot be applied to {(other is null ? "an empty value" : Comparison.Describe(other))}", position),
            };
            return [r];
        };
    }

    private Evaluator Binary(BinaryExpr b)
    {
        var left = Compile(b.Left);
        var right = Compile(b.Right);
        var position = b.Position;
        var op = Operators.BinaryOperators.Find(b.Operator) ?? throw Semantic($"Unknown operator '{b.Operator}'", b.Position);
        return (in Scope s) =>
        {
            try
            {
                return op(left, right, s);
            }
            catch (EvaluationError e)
            {
                throw new FhirPathEvaluationException(e.Message, position);
            }
        };
    }

    private Evaluator TypeOperator(TypeOperatorExpr t)
    {
        var operand = Compile(t.Operand);
        var type = ResolveType(t.Type);
        var typeModel = model;
        var position = t.Position;
        var primitivesAsSystem = options.PrimitivesAsSystemTypes;
        if (t.Operator == "is")
        {
            return (in Scope s) =>
            {
                var c = operand(s);
                if (c.Count == 0) return Items.Empty;
                if (c.Count > 1) throw new FhirPathEvaluationException($"'is' expects a single item but got {c.Count}", position);
                return Items.Bool(type.Matches(c[0], typeModel, primitivesAsSystem: primitivesAsSystem));
            };
        }
        var singleton = options.EnforceAsSingleton;
        return (in Scope s) =>
        {
            var c = operand(s);
            if (singleton && c.Count > 1) throw new FhirPathEvaluationException($"'as' expects a single item but got {c.Count}", position);
            return TypeFunctions.Filter(c, type, typeModel, primitivesAsSystem);
        };
    }
}
