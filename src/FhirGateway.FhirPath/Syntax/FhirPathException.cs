namespace FhirGateway.FhirPath.Syntax;

/// <summary>What kind of problem an expression has: it cannot be parsed, or it makes no sense, or it failed while running.</summary>
public enum FhirPathErrorKind
{
    Syntax,
    Semantic,
    Execution,
}

/// <summary>Base of the FHIRPath errors; always carries the position in the expression text.</summary>
public abstract class FhirPathException : Exception
{
    protected FhirPathException(FhirPathErrorKind kind, string message, SourcePosition position)
        : base($"{message} at {position}")
    {
        Kind = kind;
        Position = position;
        Reason = message;
    }

    public FhirPathErrorKind Kind { get; }

    public SourcePosition Position { get; }

    /// <summary>The message without the position.</summary>
    public string Reason { get; }
}

/// <summary>A syntax or semantic error found while compiling an expression.</summary>
public sealed class FhirPathCompileException(FhirPathErrorKind kind, string message, SourcePosition position)
    : FhirPathException(kind, message, position);

/// <summary>An error while evaluating (a single item expected, an operator applied to the wrong types…).</summary>
public sealed class FhirPathEvaluationException(string message, SourcePosition position)
    : FhirPathException(FhirPathErrorKind.Execution, message, position);
