using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization;
using FhirGateway.Fhir.Terminology;
using FhirGateway.Terminology;
using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation;

/// <summary>
/// Validates FHIR R4 resources against their core definitions, the profiles they declare and any profiles
/// asked for. StructureDefinitions are compiled once into immutable schemas (snapshots generated for
/// differential-only profiles) and cached by canonical; the validator is thread-safe and meant to be shared.
/// Instance problems come back as issues, never as exceptions.
/// </summary>
public sealed class FhirValidator
{
    private readonly ValidatorEngine _engine;
    private readonly FhirParser _parser;

    /// <param name="definitions">Where StructureDefinitions, ValueSets and CodeSystems come from (core, packages, the clinic's profiles).</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="terminology">Checks codes against bindings and code systems and answers memberOf(); null for the offline service over <paramref name="definitions"/>.</param>
    public FhirValidator(IDefinitionSource definitions, ValidatorOptions? options = null, ITerminologyService? terminology = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        options ??= ValidatorOptions.Default;
        if (options.CheckTerminology)
            terminology ??= ReferenceEquals(definitions, CoreDefinitions.R4) ? TerminologyService.R4Core : new TerminologyService(definitions);
        else terminology = null;
        _engine = new ValidatorEngine(definitions, options, terminology);
        _parser = new FhirParser(_engine.Types);
    }

    public ValidatorOptions Options => _engine.Options;

    /// <summary>The type model instances are read with (for callers that parse themselves).</summary>
    public ITypeModel Types => _engine.Types;

    /// <summary>How many structures have been compiled so far.</summary>
    public int CompiledSchemaCount => _engine.Schemas.Count;

    /// <summary>
    /// Validates a resource: against its type's definition, each profile in its meta.profile, and each of
    /// <paramref name="profiles"/> (an unknown requested profile is an error); contained resources and Bundle
    /// entries are validated as resources too.
    /// </summary>
    public ValidationResult Validate(ElementNode resource, IReadOnlyList<string>? profiles = null, CancellationToken cancellationToken = default) =>
        Validate(resource, profiles, [], null, cancellationToken);

    private ValidationResult Validate(ElementNode resource, IReadOnlyList<string>? profiles, IReadOnlyList<Issue> readerIssues, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var run = new ValidationRun(_engine, cancellationToken) { Unreadable = new UnreadableContent(readerIssues), Progress = progress };
        CheckResult result;
        try
        {
            result = run.ValidateResource(resource);
            foreach (var profile in profiles ?? [])
                result = CheckResult.Combine(result, ProfileConformance.Against(resource, profile, run, IssueCatalogue.ValProfileRequestedUnknown));
        }
        catch (DefinitionFormatException e)
        {
            // A definition read on the way (a type, a value set, a code system) is malformed: the validation
            // cannot be completed, which is reported as the error it is rather than thrown at the caller.
            result = CheckResult.Of(IssueAt.Node(IssueCatalogue.ValDefinitionUnreadable, resource, "needed here", e.Message));
        }
        return new ValidationResult(Distinct(result.Issues));
    }

    /// <summary>Parses FHIR JSON or XML (told apart by content) and validates the resource read; the reader's issues come first. <paramref name="origin"/> names the source in issues.</summary>
    public ValidationResult Validate(ReadOnlyMemory<byte> content, string? origin = null, IReadOnlyList<string>? profiles = null, CancellationToken cancellationToken = default) =>
        Validate(_parser.Parse(content, origin), profiles, cancellationToken);

    /// <summary>Validates what <see cref="Parse"/> read; the reader's issues come first, and a text that could not be read at all is not validated further.</summary>
    public ValidationResult Validate(FhirParseResult parsed, IReadOnlyList<string>? profiles = null, CancellationToken cancellationToken = default) =>
        Validate(parsed, profiles, null, cancellationToken);

    /// <summary>
    /// As <see cref="Validate(FhirParseResult, IReadOnlyList{string}?, CancellationToken)"/>, telling <paramref name="progress"/>
    /// (on the validating thread) how many resources are done each time one is: the entries of a large Bundle, one by one.
    /// </summary>
    public ValidationResult Validate(FhirParseResult parsed, IReadOnlyList<string>? profiles, IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.Root is null || parsed.Issues.Any(i => i.Severity == IssueSeverity.Fatal)) return new ValidationResult(parsed.Issues);
        var validated = Validate(parsed.Root, profiles, parsed.Issues, progress, cancellationToken);
        return new ValidationResult([.. parsed.Issues, .. validated.Issues]);
    }

    /// <summary>Parses FHIR JSON or XML (told apart by content) into the element tree this validator works on (with the reader's issues).</summary>
    public FhirParseResult Parse(ReadOnlyMemory<byte> content, string? origin = null) => _parser.Parse(content, origin);

    /// <summary>One issue per problem: the same finding reached twice (a slice and its base, a profile and its type) is reported once.</summary>
    private static List<Issue> Distinct(IReadOnlyList<Issue> issues)
    {
        var seen = new HashSet<(string, string?, string, IssueSeverity)>();
        var list = new List<Issue>(issues.Count);
        foreach (var issue in issues)
            if (seen.Add((issue.Code, issue.Expression, issue.Message, issue.Severity))) list.Add(issue);
        return list;
    }
}
