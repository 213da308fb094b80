using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Honesty;

namespace FhirGateway.Mapping.Records;

/// <summary>
/// Reads the fields of one JSON object of a record, each by name, checking its JSON kind, format and range, and
/// reporting every problem as an issue located by the field's path (<c>results[2].unit</c>). Never throws for bad
/// input: a bad or missing field reads as null and leaves an issue. Not thread-safe; one per mapping.
/// </summary>
internal sealed partial class RecordFields
{
    private readonly JsonElement _object;
    private readonly string _prefix;
    private readonly List<Issue> _issues;

    public RecordFields(JsonElement obj, string path, List<Issue> issues)
    {
        _object = obj;
        Path = path;
        _prefix = path.Length == 0 ? "" : path + ".";
        _issues = issues;
    }

    /// <summary>The path of this object in the record ("" for the record itself).</summary>
    public string Path { get; }

    public string PathOf(string name) => _prefix + name;

    public void Report(IssueDefinition definition, string name, params object?[] args) =>
        _issues.Add(definition.At(PathOf(name), args));

    public bool Has(string name) => _object.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public RecordFields? Object(string name, bool required)
    {
        if (!Get(name, required, "an object", out var value)) return null;
        if (value.ValueKind == JsonValueKind.Object) return new RecordFields(value, PathOf(name), _issues);
        Wrong(name, "an object", value);
        return null;
    }

    /// <summary>The objects of an array field (with their paths), or none; <paramref name="minItems"/> is checked.</summary>
    public IReadOnlyList<RecordFields> Objects(string name, bool required, int minItems = 0)
    {
        if (!Get(name, required, "an array of objects", out var value)) return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            Wrong(name, "an array of objects", value);
            return [];
        }
        var items = new List<RecordFields>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"{PathOf(name)}[{index++}]";
            if (item.ValueKind == JsonValueKind.Object) items.Add(new RecordFields(item, path, _issues));
            else _issues.Add(IssueCatalogue.RecordWrongField.At(path, path, "an object", Show(item)));
        }
        if (index < minItems) Report(IssueCatalogue.RecordWrongField, name, PathOf(name), $"an array of at least {minItems} item(s)", $"{index} item(s)");
        return items;
    }

    /// <summary>
    /// A non-empty string. Every text is held to the honesty rule (<see cref="ClaimRule"/>) unless it is a
    /// <paramref name="name"/> of a person or organisation (<paramref name="isName"/>), which states no claim.
    /// </summary>
    public string? String(string name, bool required, bool isName = false)
    {
        if (!Get(name, required, "a non-empty string", out var value)) return null;
        if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            var text = value.GetString()!.Trim();
            if (!isName) Honest(PathOf(name), text);
            return text;
        }
        Wrong(name, "a non-empty string", value);
        return null;
    }

    public IReadOnlyList<string> Strings(string name, bool required, bool isName = false)
    {
        if (!Get(name, required, "an array of strings", out var value)) return [];
        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())))
        {
            var texts = value.EnumerateArray().Select(v => v.GetString()!.Trim()).ToList();
            if (!isName) for (var i = 0; i < texts.Count; i++) Honest($"{PathOf(name)}[{i}]", texts[i]);
            return texts;
        }
        Wrong(name, "an array of non-empty strings", value);
        return [];
    }

    private void Honest(string path, string text)
    {
        if (text.Contains(' ', StringComparison.Ordinal) && ClaimRule.Find(text) is { } claim)
            _issues.Add(IssueCatalogue.RecordForbiddenClaim.At(path, path, claim.Claim, claim.Words));
    }

    public bool? Boolean(string name, bool required)
    {
        if (!Get(name, required, "true or false", out var value)) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Wrong(name, "true or false", value);
        return null;
    }

    /// <summary>A code from a closed list; anything else is an unknown code.</summary>
    public string? Code(string name, bool required, IReadOnlyCollection<string> allowed)
    {
        var code = String(name, required);
        if (code is null || allowed.Contains(code)) return code;
        Report(IssueCatalogue.RecordUnknownCode, name, PathOf(name), code, string.Join(", ", allowed));
        return null;
    }

    /// <summary>A whole number within [min, max].</summary>
    public int? Integer(string name, bool required, int min, int max)
    {
        if (!Get(name, required, "a whole number", out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n))
        {
            Wrong(name, "a whole number", value);
            return null;
        }
        if (n >= min && n <= max) return n;
        Report(IssueCatalogue.RecordValueOutOfRange, name, PathOf(name), n, $"{min}..{max}");
        return null;
    }

    /// <summary>A decimal number within [min, max] (either bound may be open), kept with its text.</summary>
    public RecordNumber? Number(string name, bool required, decimal? min = null, decimal? max = null, bool minExclusive = false)
    {
        if (!Get(name, required, "a number", out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var d))
        {
            Wrong(name, "a number", value);
            return null;
        }
        var text = value.GetRawText();
        if (text.Contains('e', StringComparison.OrdinalIgnoreCase)) text = d.ToString(CultureInfo.InvariantCulture);
        var tooLow = min is not null && (minExclusive ? d <= min : d < min);
        if (!tooLow && (max is null || d <= max)) return new RecordNumber(d, text);
        var range = $"{(min is null ? "" : minExclusive ? $"> {min}" : $">= {min}")}{(min is not null && max is not null ? " and " : "")}{(max is null ? "" : $"<= {max}")}";
        Report(IssueCatalogue.RecordValueOutOfRange, name, PathOf(name), text, range);
        return null;
    }

    /// <summary>A calendar date <c>2026-03-01</c>; with <paramref name="partial"/> also <c>2026-03</c> and <c>2026</c>.</summary>
    public string? Date(string name, bool required, bool partial = false)
    {
        var text = String(name, required);
        if (text is null) return null;
        var ok = DateRegex().IsMatch(text) ? System.DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            : partial && PartialDateRegex().IsMatch(text);
        if (ok) return text;
        Report(IssueCatalogue.RecordWrongField, name, PathOf(name), partial ? "a date (2026-03-01, 2026-03 or 2026)" : "a date (2026-03-01)", text);
        return null;
    }

    /// <summary>A date and time with its zone (<c>2026-03-01T09:30:00+01:00</c>), kept as written.</summary>
    public RecordDateTime? DateTime(string name, bool required)
    {
        var text = String(name, required);
        if (text is null) return null;
        if (DateTimeRegex().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            return new RecordDateTime(value, text);
        Report(IssueCatalogue.RecordWrongField, name, PathOf(name), "a date and time with a time zone (2026-03-01T09:30:00+01:00)", text);
        return null;
    }

    private bool Get(string name, bool required, string expected, out JsonElement value)
    {
        if (_object.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null) return true;
        if (required) Report(IssueCatalogue.RecordMissingField, name, PathOf(name), expected);
        return false;
    }

    private void Wrong(string name, string expected, JsonElement value) =>
        Report(IssueCatalogue.RecordWrongField, name, PathOf(name), expected, Show(value));

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => Shorten(value.GetRawText()),
    };

    /// <summary>A value as quoted in a message: at most 200 characters, so that a huge field never makes a huge outcome.</summary>
    internal static string Shorten(string text) => text.Length <= 200 ? text : $"{text[..200]}… ({text.Length} characters)";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2]))?$")]
    private static partial Regex PartialDateRegex();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimeRegex();
}

/// <summary>A timestamp from a record: its instant, and its text exactly as written.</summary>
public readonly record struct RecordDateTime(DateTimeOffset Value, string Text)
{
    /// <summary>The calendar date as written (<c>2026-03-01</c>).</summary>
    public string DateText => Text[..10];

    public override string ToString() => Text;
}
