using FhirGateway.FhirPath.Ast;
using FhirGateway.FhirPath.Syntax;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>Type errors that are certain from literals alone, reported at compile time (e.g. <c>@1974-12-25 + 7</c>).</summary>
internal static class StaticChecks
{
    public static void CheckBinary(BinaryExpr b)
    {
        if (b.Operator is not ("+" or "-" or "*" or "/" or "div" or "mod")) return;
        if (b.Left is LiteralExpr { Value: PartialDate or PartialDateTime or PartialTime } && b.Right is LiteralExpr { Value: int or decimal })
            throw new FhirPathCompileException(FhirPathErrorKind.Semantic, $"Operator '{b.Operator}' cannot add a number to a date/time; use a quantity such as 7 days", b.Position);
    }
}
