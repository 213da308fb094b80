using System.CommandLine;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.FhirPath;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Syntax;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw fhirpath "EXPR" [FILE] [--json]</c>: evaluates a FHIRPath expression against the resource in FILE (or an
/// empty input) and prints the result, one item per line as <c>type: value</c>, or with <c>--json</c> as a JSON array of
/// <c>{"type", "value"}</c> objects. Exit codes: 0 evaluated; 1 a syntax, semantic or evaluation error (with its position on
/// stderr) or a FILE that is not valid FHIR JSON or XML (its problems on stderr as <c>file:line:col severity code message @ path</c>);
/// 2 usage or I/O error. trace() output goes to stderr.
/// </summary>
internal static class FhirPathCommand
{
    public static Command Create(Func<ITypeModel> typeModel, TextWriter stdout, TextWriter stderr)
    {
        var expression = new Argument<string>("expression") { Description = "The FHIRPath expression." };
        var file = new Argument<string?>("file") { Arity = ArgumentArity.ZeroOrOne, Description = "A FHIR resource (JSON or XML) to evaluate against; without it the input is empty." };
        var json = new Option<bool>("--json") { Description = "Print the result as a JSON array of {\"type\", \"value\"} objects." };
        var command = new Command("fhirpath", "Evaluate a FHIRPath expression against a FHIR resource (JSON or XML).") { expression, file, json };
        command.SetAction((result, cancellationToken) =>
            new FhirPathRun(typeModel(), stdout, stderr).RunAsync(result.GetValue(expression)!, result.GetValue(file), result.GetValue(json), cancellationToken));
        return command;
    }

    private sealed class FhirPathRun(ITypeModel model, TextWriter stdout, TextWriter stderr)
    {
        public async Task<int> RunAsync(string expression, string? file, bool json, CancellationToken cancellationToken)
        {
            ElementNode? input = null;
            if (file is not null)
            {
                var (root, code) = await ReadAsync(file, cancellationToken);
                if (root is null) return code;
                input = root;
            }
            var traces = new List<string>();
            var environment = new FhirPathEnvironment { Trace = (name, items) => traces.Add(TraceLine(name, items)) };
            IReadOnlyList<object> result;
            try
            {
                result = new FhirPathCompiler(model).Compile(expression, input?.InstanceType).Evaluate(input, environment);
            }
            catch (FhirPathException e)
            {
                foreach (var t in traces) await stderr.WriteLineAsync(t.AsMemory(), cancellationToken);
                await stderr.WriteLineAsync(ErrorText(expression, e).AsMemory(), cancellationToken);
                return CliApp.ExitIssues;
            }
            foreach (var t in traces) await stderr.WriteLineAsync(t.AsMemory(), cancellationToken);
            var writer = new FhirPathResultWriter(new FhirJsonWriter(model));
            var text = json ? writer.ToJson(result) : writer.ToText(result);
            if (text.Length > 0) await stdout.WriteLineAsync(text.AsMemory(), cancellationToken);
            return CliApp.ExitOk;
        }

        /// <summary>The resource in the file (JSON or XML, told apart by content), or null with the exit code: 2 when it cannot be read, 1 when it is not a valid resource.</summary>
        private async Task<(ElementNode? Root, int Code)> ReadAsync(string file, CancellationToken cancellationToken)
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await stderr.WriteLineAsync($"{file}: cannot read: {CliIo.Describe(file, e)}".AsMemory(), cancellationToken);
                return (null, CliApp.ExitUsage);
            }
            var parsed = new FhirParser(model).Parse(bytes, file);
            foreach (var issue in parsed.Issues) await stderr.WriteLineAsync(issue.ToString().AsMemory(), cancellationToken);
            if (parsed.Root is null || parsed.HasErrors)
            {
                await stderr.WriteLineAsync($"{file}: not evaluated: the resource has errors".AsMemory(), cancellationToken);
                return (null, CliApp.ExitIssues);
            }
            return (parsed.Root, CliApp.ExitOk);
        }

        /// <summary>The error with its kind and position, then the expression line with a caret under the position.</summary>
        private static string ErrorText(string expression, FhirPathException e)
        {
            var kind = e.Kind switch
            {
                FhirPathErrorKind.Syntax => "syntax",
                FhirPathErrorKind.Semantic => "semantic",
                _ => "evaluation",
            };
            var lines = expression.Split('\n');
            var line = e.Position.Line >= 1 && e.Position.Line <= lines.Length ? lines[e.Position.Line - 1].TrimEnd('\r') : expression;
            var caret = new string(' ', Math.Max(0, e.Position.Column - 1)) + "^";
            return $"fhirpath: {kind} error at line {e.Position.Line}, column {e.Position.Column}: {e.Reason}\n  {line}\n  {caret}";
        }

        private static string TraceLine(string name, IReadOnlyList<object> items) =>
            $"trace {name}: [{string.Join(", ", items.Select(i => FhirPathItems.Format(i) ?? FhirPathItems.TypeName(i)))}]";
    }
}
