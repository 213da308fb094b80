using System.Reflection;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Terminology;

namespace FhirGateway.Mapping.Tests.Support;

/// <summary>
/// Reaches the full validator (<c>FhirGateway.Validation.FhirValidator</c>: <c>new FhirValidator(IDefinitionSource,
/// ValidatorOptions?, ITerminologyService?)</c>, <c>Validate(json bytes, profiles?)</c> → result with <c>Issues</c>) by
/// reflection, because it lands on main in stages while these tests already exist: the tests run as soon as it is
/// there and are skipped, saying why, until then. Replace with direct calls once its API is settled.
/// </summary>
internal static class ValidatorProbe
{
    private static readonly Lazy<Type?> ValidatorType = new(() => Assembly.Load("FhirGateway.Validation").GetType("FhirGateway.Validation.FhirValidator"));

    public static string? MissingReason => ValidatorType.Value is null ? "FhirGateway.Validation.FhirValidator has not landed on main yet" : null;

    /// <summary>A validate function over the definitions (and a terminology service), or null when the validator is absent.</summary>
    public static Func<byte[], string, IReadOnlyList<Issue>>? Create(IDefinitionSource definitions, ITerminologyService? terminology)
    {
        var type = ValidatorType.Value;
        if (type is null) return null;
        var ctor = type.GetConstructors().First(c => c.GetParameters() is { Length: > 0 } p && p[0].ParameterType.IsAssignableFrom(definitions.GetType()));
        var args = ctor.GetParameters().Select(object? (p, i) => i == 0 ? definitions : p.ParameterType.IsInstanceOfType(terminology) ? terminology : null).ToArray();
        var validator = ctor.Invoke(args);
        var validate = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == "Validate" && m.GetParameters().Length >= 1)
            .First(m => m.GetParameters()[0].ParameterType == typeof(byte[]) || m.GetParameters()[0].ParameterType == typeof(ReadOnlyMemory<byte>));
        return (json, profile) =>
        {
            var parameters = validate.GetParameters();
            var call = new object?[parameters.Length];
            call[0] = parameters[0].ParameterType == typeof(byte[]) ? json : new ReadOnlyMemory<byte>(json);
            for (var i = 1; i < parameters.Length; i++)
                call[i] = parameters[i].ParameterType.IsAssignableFrom(typeof(string[])) ? new[] { profile }
                    : parameters[i].ParameterType == typeof(string) ? profile
                    : parameters[i].HasDefaultValue ? parameters[i].DefaultValue : null;
            var result = validate.Invoke(validator, call)!;
            return ((IEnumerable<Issue>)result.GetType().GetProperty("Issues")!.GetValue(result)!).ToList();
        };
    }
}

/// <summary>A theory that runs only once the full validator exists.</summary>
public sealed class ValidatorTheoryAttribute : TheoryAttribute
{
    public ValidatorTheoryAttribute()
    {
        if (ValidatorProbe.MissingReason is { } reason) Skip = reason;
    }
}
