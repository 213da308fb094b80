namespace FhirGateway.Validation.References;

/// <summary>The forms a Reference.reference can take.</summary>
internal enum ReferenceKind
{
    /// <summary><c>#id</c>: a contained resource (<c>#</c> alone: the container).</summary>
    Contained,
    /// <summary><c>Type/id</c>, optionally <c>/_history/version</c>, or a conditional <c>Type?query</c>.</summary>
    Relative,
    /// <summary>An absolute URL; RESTful when it ends in <c>Type/id</c>.</summary>
    Absolute,
    /// <summary><c>urn:uuid:</c> or <c>urn:oid:</c>: only ever resolvable inside the same Bundle.</summary>
    Urn,
    /// <summary>Not a reference at all (spaces, an empty type).</summary>
    Invalid,
}

/// <summary>A reference string taken apart: its kind, the resource type and id it names (when it names them) and why it is invalid.</summary>
internal sealed record ReferenceText(string Text, ReferenceKind Kind, string? Type, string? Id, string? Version, string? Problem = null)
{
    public static ReferenceText Parse(string text)
    {
        if (text.Length == 0 || text.Any(char.IsWhiteSpace)) return Invalid(text, "it is empty or contains white space");
        if (text[0] == '#') return new ReferenceText(text, ReferenceKind.Contained, null, text[1..], null);
        if (text.StartsWith("urn:uuid:", StringComparison.Ordinal) || text.StartsWith("urn:oid:", StringComparison.Ordinal))
            return new ReferenceText(text, ReferenceKind.Urn, null, null, null);
        if (HasScheme(text)) return Absolute(text);
        var query = text.IndexOf('?');
        if (query > 0) return new ReferenceText(text, ReferenceKind.Relative, text[..query], null, null);
        var parts = text.Split('/');
        return parts switch
        {
            [var type, var id] when type.Length > 0 && id.Length > 0 => new ReferenceText(text, ReferenceKind.Relative, type, id, null),
            [var type, var id, "_history", var version] when type.Length > 0 && id.Length > 0 && version.Length > 0 =>
                new ReferenceText(text, ReferenceKind.Relative, type, id, version),
            _ => Invalid(text, "a relative reference is Type/id or Type/id/_history/version"),
        };
    }

    /// <summary>An absolute URL, with the type and id of its last <c>Type/id[/_history/v]</c> segments when it has them.</summary>
    private static ReferenceText Absolute(string text)
    {
        var path = text;
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0) path = path[..cut];
        var parts = path.Split('/');
        var n = parts.Length;
        if (n >= 4 && parts[n - 2] == "_history") return new ReferenceText(text, ReferenceKind.Absolute, parts[n - 4], parts[n - 3], parts[n - 1]);
        return n >= 2 ? new ReferenceText(text, ReferenceKind.Absolute, parts[n - 2], parts[n - 1], null) : new ReferenceText(text, ReferenceKind.Absolute, null, null, null);
    }

    private static ReferenceText Invalid(string text, string problem) => new(text, ReferenceKind.Invalid, null, null, null, problem);

    /// <summary>True when the text starts with a URI scheme (<c>http:</c>, <c>urn:</c>…).</summary>
    public static bool HasScheme(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(text[0])) return false;
        for (var i = 1; i < colon; i++)
            if (!char.IsAsciiLetterOrDigit(text[i]) && text[i] is not ('+' or '-' or '.')) return false;
        return true;
    }

    /// <summary>The <c>Type/id</c> (without version) the reference names, when it names one.</summary>
    public string? TypeAndId => Type is not null && Id is not null ? $"{Type}/{Id}" : null;
}
