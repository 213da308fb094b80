using System.Collections.Concurrent;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Ast;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Syntax;

namespace FhirGateway.FhirPath;

/// <summary>
/// Compiles FHIRPath expressions (lexer → parser → expression tree → closures) and keeps every compiled
/// expression in an explicit concurrent cache keyed by its text. One compiler per type model; thread-safe.
/// </summary>
public sealed class FhirPathCompiler
{
    private readonly ConcurrentDictionary<string, CompiledExpression> _cache = new(StringComparer.Ordinal);
    private readonly Compiler _compiler;
    private readonly StaticChecker _checker;

    /// <param name="model">The FHIR type model for <c>is</c>/<c>as</c>/<c>ofType</c>, the type hierarchy and the static checks; null compares type codes only.</param>
    /// <param name="options">Compile-time settings; <see cref="FhirPathOptions.Default"/> when null.</param>
    public FhirPathCompiler(ITypeModel? model = null, FhirPathOptions? options = null)
    {
        Model = model;
        Options = options ?? FhirPathOptions.Default;
        _compiler = new Compiler(model, Options);
        _checker = new StaticChecker(model, Options);
    }

    public ITypeModel? Model { get; }

    public FhirPathOptions Options { get; }

    /// <summary>How many compiled expressions the cache holds.</summary>
    public int CacheCount => _cache.Count;

    /// <summary>Parses an expression into its immutable tree (no semantic checks).</summary>
    public static Expr Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Parser.Parse(expression);
    }

    /// <summary>The compiled expression, from the cache or compiled now. Throws <see cref="FhirPathCompileException"/> on syntax and semantic errors.</summary>
    /// <param name="contextType">The type of the element the expression will run on (<c>Patient</c>, <c>Observation.component</c>); when given, paths are also checked against the type model.</param>
    public CompiledExpression Compile(string expression, string? contextType = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var key = contextType is null ? expression : contextType + "\u0001" + expression;
        if (_cache.TryGetValue(key, out var cached)) return cached;
        var tree = Parser.Parse(expression);
        var evaluator = _compiler.Compile(tree);
        _checker.Check(tree, contextType);
        return _cache.GetOrAdd(key, new CompiledExpression(expression, tree, evaluator, Model, Options));
    }

    /// <summary>Compiles without throwing: the expression, or the compile error with its position.</summary>
    public CompileResult TryCompile(string expression, string? contextType = null)
    {
        try
        {
            return new CompileResult(Compile(expression, contextType), null);
        }
        catch (FhirPathCompileException e)
        {
            return new CompileResult(null, e);
        }
    }
}

/// <summary>The outcome of <see cref="FhirPathCompiler.TryCompile"/>: exactly one of the two is set.</summary>
public sealed record CompileResult(CompiledExpression? Expression, FhirPathCompileException? Error)
{
    public bool Success => Expression is not null;
}
