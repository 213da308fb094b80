using System.Collections.Concurrent;
using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Runtime.Inbound;

/// <summary>
/// Where a resource names its patient, read from the R4 SearchParameters: the paths of the <c>patient</c> search
/// parameter for the type (<c>Observation.subject.where(resolve() is Patient)</c> → <c>subject</c>), else of the
/// <c>subject</c> parameter when it may target a Patient (AdverseEvent). Cached per type; thread-safe.
/// </summary>
public sealed class PatientReferencePaths(IDefinitionSource definitions)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _paths = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<SearchParameterInfo>> _parameters = new(() =>
        definitions.SearchParameters().Where(p => p.Code is "patient" or "subject").ToList(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static PatientReferencePaths R4 { get; } = new(CoreDefinitions.R4);

    /// <summary>The element names (first step under the resource) that hold the patient reference, in the order to try.</summary>
    public IReadOnlyList<string> For(string resourceType) => _paths.GetOrAdd(resourceType, Compute);

    private IReadOnlyList<string> Compute(string type)
    {
        var patient = PathsOf(type, _parameters.Value.Where(p => p.Code == "patient" && p.Base.Contains(type)));
        if (patient.Count > 0) return patient;
        return PathsOf(type, _parameters.Value.Where(p => p.Code == "subject" && p.Base.Contains(type) && (p.Target.Count == 0 || p.Target.Contains("Patient"))));
    }

    /// <summary>The <c>Type.element</c> parts of the expressions, without their <c>.where(…)</c> filters.</summary>
    private static List<string> PathsOf(string type, IEnumerable<SearchParameterInfo> parameters)
    {
        var paths = new List<string>();
        foreach (var expression in parameters.Select(p => p.Expression).OfType<string>())
            foreach (var part in expression.Split('|').Select(s => s.Trim().Trim('(', ')').Trim()))
            {
                if (!part.StartsWith(type + ".", StringComparison.Ordinal)) continue;
                var rest = part[(type.Length + 1)..];
                var end = rest.IndexOfAny(['.', ' ', '(']);
                var element = end < 0 ? rest : rest[..end];
                if (element.Length > 0 && !paths.Contains(element)) paths.Add(element);
            }
        return paths;
    }
}
