using System.Text.RegularExpressions;

namespace FhirGateway.FhirPath.Functions;

/// <summary>
/// Reads a function's signature as the table writes it, close to the spec's notation:
/// <c>[Input.]name(Kind, Kind?, Kind*) : Result [ordered]</c>. Input is <c>String</c> or <c>Number</c> (absent: any);
/// a parameter kind is a <see cref="ParamKind"/> name, <c>?</c> makes it optional and <c>*</c> repeatable; the result is
/// <c>Any</c>, <c>Input</c>, <c>Projection</c>, <c>Unordered</c> or a System type name; <c>[ordered]</c> marks a result
/// that depends on the input's order and <c>[sorts]</c> one that puts it in order.
/// </summary>
internal static partial class FunctionSignature
{
    private static readonly HashSet<string> SystemTypes = ["Boolean", "Integer", "Decimal", "String", "Date", "DateTime", "Time", "Quantity"];

    public static FunctionDef Parse(string signature, bool propagatesEmpty, FunctionBody body)
    {
        var m = Shape().Match(signature);
        if (!m.Success) throw new ArgumentException($"Malformed function signature '{signature}'", nameof(signature));
        var input = m.Groups["input"].Success ? Enum.Parse<InputKind>(m.Groups["input"].Value) : InputKind.Any;
        var kinds = new List<ParamKind>();
        int min = 0, max = 0;
        foreach (var raw in m.Groups["params"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var suffix = raw[^1] is '?' or '*' ? raw[^1] : ' ';
            kinds.Add(Enum.Parse<ParamKind>(suffix == ' ' ? raw : raw[..^1]));
            if (suffix == ' ') min++;
            max = suffix == '*' ? int.MaxValue : max + 1;
        }
        var result = m.Groups["result"].Value;
        var isSystem = SystemTypes.Contains(result);
        return new FunctionDef(m.Groups["name"].Value, min, max, [.. kinds], propagatesEmpty, body)
        {
            Input = input,
            Result = isSystem ? ResultKind.System : Enum.Parse<ResultKind>(result),
            ResultType = isSystem ? result : null,
            DependsOnOrder = m.Groups["flag"].Value == "ordered",
            Sorts = m.Groups["flag"].Value == "sorts",
        };
    }

    [GeneratedRegex(@"^(?:(?<input>String|Number)\.)?(?<name>\w+)\((?<params>[^)]*)\)\s*:\s*(?<result>\w+)(?:\s*\[(?<flag>ordered|sorts)\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
