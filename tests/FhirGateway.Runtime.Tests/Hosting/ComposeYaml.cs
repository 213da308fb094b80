using System.Text;

namespace FhirGateway.Runtime.Tests.Hosting;

/// <summary>
/// Just enough YAML to read a docker-compose file structurally: block maps and sequences by indentation, <c>- key: v</c>
/// items, flow sequences of scalars (<c>[a, "b c"]</c>), plain, single- and double-quoted scalars, comments. Maps are
/// <see cref="Dictionary{TKey, TValue}"/> of string to node, sequences <see cref="List{T}"/>, scalars strings. Anchors,
/// block scalars and flow maps other than <c>{}</c> are refused, so the file cannot use what this reader would misread.
/// </summary>
internal static class ComposeYaml
{
    private sealed record Line(int Number, int Indent, string Text);

    public static Dictionary<string, object> Parse(string text)
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var content = StripComment(raw.TrimEnd('\r'));
            if (content.Trim().Length == 0) continue;
            var indent = content.Length - content.TrimStart(' ').Length;
            lines.Add(new Line(number, indent, content.Trim()));
        }
        var at = 0;
        var root = Block(lines, ref at, 0);
        if (at != lines.Count) throw new FormatException($"line {lines[at].Number}: unexpected indentation");
        return root as Dictionary<string, object> ?? throw new FormatException("the document is not a map");
    }

    private static object Block(List<Line> lines, ref int at, int indent)
    {
        if (lines[at].Text.StartsWith("- ", StringComparison.Ordinal) || lines[at].Text == "-") return Sequence(lines, ref at, indent);
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        while (at < lines.Count && lines[at].Indent == indent && !lines[at].Text.StartsWith('-'))
        {
            var line = lines[at++];
            var colon = KeyEnd(line.Text) ?? throw new FormatException($"line {line.Number}: expected 'key: value'");
            var key = Scalar(line.Text[..colon], line.Number);
            var rest = line.Text[(colon + 1)..].Trim();
            if (!map.TryAdd(key, rest.Length > 0 ? Value(rest, line.Number) : Nested(lines, ref at, indent, line.Number)))
                throw new FormatException($"line {line.Number}: '{key}' is given twice");
        }
        return map;
    }

    private static object Nested(List<Line> lines, ref int at, int indent, int number)
    {
        if (at >= lines.Count || lines[at].Indent < indent || (lines[at].Indent == indent && !lines[at].Text.StartsWith('-'))) return "";
        if (lines[at].Indent == indent) return Sequence(lines, ref at, indent); // a sequence may sit at its key's indentation
        return Block(lines, ref at, lines[at].Indent);
    }

    private static List<object> Sequence(List<Line> lines, ref int at, int indent)
    {
        var list = new List<object>();
        while (at < lines.Count && lines[at].Indent == indent && lines[at].Text.StartsWith('-'))
        {
            var line = lines[at];
            var item = line.Text[1..].TrimStart();
            var itemIndent = indent + (line.Text.Length - item.Length);
            if (item.Length == 0)
            {
                at++;
                list.Add(Nested(lines, ref at, indent + 1, line.Number));
            }
            else if (KeyEnd(item) is not null && !item.StartsWith('"') && !item.StartsWith('\''))
            {
                lines[at] = line with { Indent = itemIndent, Text = item }; // "- key: v" opens a map at the key's column
                list.Add(Block(lines, ref at, itemIndent));
            }
            else
            {
                at++;
                list.Add(Value(item, line.Number));
            }
        }
        return list;
    }

    private static object Value(string text, int number)
    {
        if (text.StartsWith('&') || text.StartsWith('*') || text.StartsWith('|') || text.StartsWith('>'))
            throw new FormatException($"line {number}: anchors, aliases and block scalars are not read here");
        if (text == "{}") return new Dictionary<string, object>(StringComparer.Ordinal);
        if (text.StartsWith('{')) throw new FormatException($"line {number}: flow maps are not read here");
        if (!text.StartsWith('[')) return Scalar(text, number);
        if (!text.EndsWith(']')) throw new FormatException($"line {number}: a flow sequence must close on its line");
        var items = new List<object>();
        var inner = text[1..^1];
        var i = 0;
        while (i < inner.Length)
        {
            while (i < inner.Length && inner[i] is ' ' or ',') i++;
            if (i >= inner.Length) break;
            var start = i;
            if (inner[i] is '"' or '\'') i = QuoteEnd(inner, i, number) + 1;
            else while (i < inner.Length && inner[i] != ',') i++;
            items.Add(Scalar(inner[start..i].Trim(), number));
        }
        return items;
    }

    private static string Scalar(string text, int number)
    {
        text = text.Trim();
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'') return text[1..^1].Replace("''", "'", StringComparison.Ordinal);
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"') return text;
        var s = new StringBuilder();
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] != '\\') s.Append(text[i]);
            else s.Append(text[++i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '"' => '"', '\\' => '\\', var c => throw new FormatException($"line {number}: escape \\{c} is not read here") });
        }
        return s.ToString();
    }

    /// <summary>Where the key of <c>key: value</c> ends (a colon followed by a space or the end, outside quotes).</summary>
    private static int? KeyEnd(string text)
    {
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0') { if (c == quote && (i == 0 || text[i - 1] != '\\')) quote = '\0'; }
            else if (c is '"' or '\'' && i == 0) quote = c;
            else if (c is '[' or '{' && i == 0) return null;
            else if (c == ':' && (i + 1 == text.Length || text[i + 1] == ' ')) return i;
        }
        return null;
    }

    private static int QuoteEnd(string text, int start, int number)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[start] == '"' && text[i] == '\\') i++;
            else if (text[i] == text[start]) return i;
        }
        throw new FormatException($"line {number}: a quoted value does not close");
    }

    /// <summary>The line without its comment: a <c>#</c> at the start or after a space, outside quotes.</summary>
    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0') { if (c == quote && line[i - 1] != '\\') quote = '\0'; }
            else if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or '[' or ',' or ':')) quote = c;
            else if (c == '#' && (i == 0 || line[i - 1] == ' ')) return line[..i];
        }
        return line;
    }
}
