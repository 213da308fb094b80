using FhirGateway.FhirPath.Syntax;

namespace FhirGateway.FhirPath.Ast;

/// <summary>An immutable node of a parsed FHIRPath expression, with its position in the text.</summary>
public abstract record Expr(SourcePosition Position);

/// <summary>A literal: <c>{}</c> (null value), boolean, string, integer, decimal, date/time or quantity (System values).</summary>
public sealed record LiteralExpr(object? Value, SourcePosition Position) : Expr(Position);

/// <summary>Member navigation <c>source.name</c>; a null source navigates from the current input (invocationTerm).</summary>
public sealed record MemberExpr(Expr? Source, string Name, SourcePosition Position) : Expr(Position);

/// <summary>A function call <c>source.name(args)</c>; a null source applies it to the current input.</summary>
public sealed record FunctionExpr(Expr? Source, string Name, IReadOnlyList<Expr> Arguments, SourcePosition Position) : Expr(Position);

/// <summary><c>$this</c>: the item being iterated, or the input at the top level.</summary>
public sealed record ThisExpr(SourcePosition Position) : Expr(Position);

/// <summary><c>$index</c>: the index of the item being iterated.</summary>
public sealed record IndexExpr(SourcePosition Position) : Expr(Position);

/// <summary><c>$total</c>: the running total inside <c>aggregate()</c>.</summary>
public sealed record TotalExpr(SourcePosition Position) : Expr(Position);

/// <summary><c>%resource</c>: the resource containing the node evaluation started on.</summary>
public sealed record ResourceExpr(SourcePosition Position) : Expr(Position);

/// <summary><c>%rootResource</c>: the container of a contained resource, else <c>%resource</c>.</summary>
public sealed record RootResourceExpr(SourcePosition Position) : Expr(Position);

/// <summary><c>%context</c>: the original input of the evaluation.</summary>
public sealed record ContextExpr(SourcePosition Position) : Expr(Position);

/// <summary>Any other external constant: <c>%ucum</c>, <c>%sct</c>, <c>%`vs-name`</c>, caller variables.</summary>
public sealed record VariableExpr(string Name, SourcePosition Position) : Expr(Position);

/// <summary><c>source[index]</c>.</summary>
public sealed record IndexerExpr(Expr Source, Expr Index, SourcePosition Position) : Expr(Position);

/// <summary>Polarity <c>+x</c> / <c>-x</c>.</summary>
public sealed record UnaryExpr(string Operator, Expr Operand, SourcePosition Position) : Expr(Position);

/// <summary>A binary operator (arithmetic, comparison, equality, membership, union, logic).</summary>
public sealed record BinaryExpr(string Operator, Expr Left, Expr Right, SourcePosition Position) : Expr(Position);

/// <summary><c>x is T</c> / <c>x as T</c>.</summary>
public sealed record TypeOperatorExpr(string Operator, Expr Operand, TypeSpecifierExpr Type, SourcePosition Position) : Expr(Position);

/// <summary>A (possibly qualified) type name: <c>Quantity</c>, <c>System.Integer</c>, <c>FHIR.string</c>.</summary>
public sealed record TypeSpecifierExpr(string? Namespace, string Name, SourcePosition Position) : Expr(Position)
{
    public override string ToString() => Namespace is null ? Name : $"{Namespace}.{Name}";
}
