namespace FhirGateway.FhirPath.Syntax;

/// <summary>A place in an expression's text: 0-based offset, 1-based line and column.</summary>
public readonly record struct SourcePosition(int Offset, int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column} (offset {Offset})";
}
