using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace FhirGateway.Firely.Tests.Oracles;

/// <summary>
/// Firely's validator (Firely.Fhir.Validation.R4) over the packed IG, read into an in-memory resolver in front of the
/// R4 core definitions of Hl7.Fhir.Specification.Data.R4, with Firely's local (offline) terminology service. The
/// instance is read with Firely's strict JSON deserializer; what it refuses counts as an error too.
/// </summary>
internal static partial class FirelyOracle
{
    private static readonly Lazy<(Validator Validator, IReadOnlyList<string> LoadErrors, IReadOnlyList<Resource> Ig)> Engine =
        new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly object Gate = new();

    /// <summary>The packed IG's resources as Firely read them.</summary>
    public static IReadOnlyList<Resource> IgResources => Engine.Value.Ig;

    /// <summary>What Firely's deserializer refused while reading the packed IG (file: problem).</summary>
    public static IReadOnlyList<string> LoadErrors => Engine.Value.LoadErrors;

    public static Verdict Validate(ReadOnlyMemory<byte> json, string? profile)
    {
        var (resource, readErrors) = Read(json.Span);
        if (resource is null) return new Verdict(readErrors);
        OperationOutcome outcome;
        // Firely's validator shares caches that are not documented as thread-safe: one validation at a time.
        lock (Gate) outcome = Engine.Value.Validator.Validate(resource, profile);
        var errors = outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => new OracleError(CodeOf(i), i.Expression.FirstOrDefault() ?? i.Location.FirstOrDefault(), i.Details?.Text ?? i.Diagnostics ?? ""));
        return new Verdict([.. readErrors, .. errors]);
    }

    /// <summary>The invariant key an issue names (<c>Instance failed constraint ctm-1 …</c>), else Firely's issue number.</summary>
    private static string CodeOf(OperationOutcome.IssueComponent issue)
    {
        var text = issue.Details?.Text ?? "";
        var key = ConstraintKey().Match(text);
        return key.Success ? key.Groups[1].Value : issue.Details?.Coding.FirstOrDefault()?.Code ?? issue.Code?.ToString() ?? "";
    }

    [GeneratedRegex(@"failed constraint ([A-Za-z0-9\-\.]+)")]
    private static partial Regex ConstraintKey();

    private static (Resource? Resource, IReadOnlyList<OracleError> Errors) Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var deserializer = new FhirJsonDeserializer(new DeserializerSettings());
        deserializer.TryDeserializeResource(ref reader, out var resource, out var problems);
        var errors = problems.Select(p => new OracleError("firely-parse", null, p.Message)).ToList();
        return (resource, errors);
    }

    private static (Validator, IReadOnlyList<string>, IReadOnlyList<Resource>) Build()
    {
        var loadErrors = new List<string>();
        var ig = new List<Resource>();
        foreach (var file in PackedIg.Resources)
        {
            var (resource, errors) = Read(file.Content);
            loadErrors.AddRange(errors.Select(e => $"{file.Name}: {e.Message}"));
            if (resource is not null) ig.Add(resource);
        }
        var core = new CachedResolver(ZipSource.CreateValidationSource());
        var resolver = new CachedResolver(new MultiResolver(new InMemoryResourceResolver(ig), core));
        var terminology = new LocalTerminologyService(resolver);
        return (new Validator(resolver, terminology), loadErrors, ig);
    }

    internal static string Describe(Resource resource) => $"{resource.TypeName}/{resource.Id}";

    internal static string Utf8(ReadOnlyMemory<byte> json) => Encoding.UTF8.GetString(json.Span);
}
