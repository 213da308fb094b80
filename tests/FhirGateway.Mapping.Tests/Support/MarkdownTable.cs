namespace FhirGateway.Mapping.Tests.Support;

/// <summary>Reads the rows of the first pipe table of a README (header and separator skipped), cells trimmed.</summary>
internal static class MarkdownTable
{
    public static IReadOnlyList<string[]> Rows(string path) =>
        File.ReadLines(path)
            .Where(l => l.StartsWith('|'))
            .Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToList();
}
