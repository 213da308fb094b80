namespace FhirGateway.FhirPath.Evaluation;

/// <summary>
/// Raised by operators and functions, which do not know where they sit in the expression; the compiled node
/// that called them turns it into a <see cref="Syntax.FhirPathEvaluationException"/> with its position.
/// </summary>
internal sealed class EvaluationError(string message) : Exception(message);
