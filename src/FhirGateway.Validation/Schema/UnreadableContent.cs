using FhirGateway.Fhir.Issues;

namespace FhirGateway.Validation.Schema;

/// <summary>
/// The places where the reader met content it could not read (an unknown property, a value of the wrong JSON
/// kind) and left out of the tree. An element there was present in the text, so "missing" is not reported for it
/// a second time: one issue per problem.
/// </summary>
internal sealed class UnreadableContent
{
    public static readonly UnreadableContent None = new([]);

    private readonly string[] _locations;

    public UnreadableContent(IReadOnlyList<Issue> readerIssues) =>
        _locations = readerIssues.Where(i => i.IsError && i.Expression is not null).Select(i => i.Expression!).ToArray();

    /// <summary>True when the reader reported an error at <paramref name="location"/> or inside it (<c>Observation.status</c>, <c>…answer[0].valueCode</c>).</summary>
    public bool At(string location)
    {
        foreach (var l in _locations)
            if (l.StartsWith(location, StringComparison.Ordinal) && (l.Length == location.Length || l[location.Length] is '.' or '['))
                return true;
        return false;
    }

    /// <summary>The same for a choice element (<c>…answer[0].value</c>), whose wire names carry a type (<c>valueCode</c>).</summary>
    public bool AtChoice(string location)
    {
        foreach (var l in _locations)
            if (l.Length > location.Length && l.StartsWith(location, StringComparison.Ordinal) && char.IsUpper(l[location.Length]))
                return true;
        return At(location);
    }

    public bool IsEmpty => _locations.Length == 0;
}
