using System.Text.RegularExpressions;

namespace FhirGateway.Testing.Load;

/// <summary>
/// Distinct programmes made from the seed programmes: each seed folder whose records share one patient id is one
/// template; programme <c>n</c> is every record of the template with the patient's number (the digits of its
/// <c>patient.id</c>) replaced by a new number of the same length everywhere it appears (record ids, plan ids, lots,
/// consents), so no two programmes share a record, a patient or a business identifier. Broken seeds are left out.
/// </summary>
public static partial class Programmes
{
    public sealed record Template(string Folder, string Number, IReadOnlyList<string> Records);

    public static IReadOnlyList<Template> Load(string seeds)
    {
        var templates = new List<Template>();
        foreach (var folder in Directory.GetDirectories(seeds).Order(StringComparer.Ordinal))
        {
            var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) continue;
            var records = files.Select(File.ReadAllText).ToList();
            var numbers = records.Select(r => PatientNumber().Match(r)).Select(m => m.Success ? m.Groups[1].Value : null).Distinct().ToList();
            if (numbers is [{ } number]) templates.Add(new Template(Path.GetFileName(folder), number, records));
        }
        return templates;
    }

    /// <summary>The records of programme <paramref name="n"/> (unique across templates) made from <paramref name="template"/>, in the template's order.</summary>
    public static IEnumerable<string> Make(Template template, int n)
    {
        var number = (900000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(template.Number.Length, '9');
        return template.Records.Select(r => r.Replace(template.Number, number, StringComparison.Ordinal));
    }

    /// <summary>The partner a consent record shares with (<c>"partner": {"id": …}</c>), if the record is one.</summary>
    public static string? PartnerIn(string record)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(record);
        return doc.RootElement.TryGetProperty("kind", out var k) && k.GetString() == "consent"
            && doc.RootElement.TryGetProperty("partner", out var p) && p.TryGetProperty("id", out var id) ? id.GetString() : null;
    }

    [GeneratedRegex("\"patient\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"[^\"0-9]*([0-9]{4,})\"")]
    private static partial Regex PatientNumber();
}
