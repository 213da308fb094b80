using System.Text;
using System.Text.Json.Nodes;

namespace FhirGateway.Fuzz;

/// <summary>
/// Makes hostile variants of a valid JSON seed, reproducibly from one <see cref="Random"/>: byte-level damage (bit
/// flips, truncation, stray bytes, invalid UTF-8), JSON-level damage (wrong value kinds, deep nesting, huge arrays and
/// strings, lone surrogate escapes, duplicate keys, out-of-range numbers, removed properties), one to three at a time.
/// </summary>
internal sealed class Mutator(Random random)
{
    /// <summary>The mutations; the costly ones (huge arrays and strings) are listed once, the cheap ones twice, so that most inputs stay small.</summary>
    private static readonly string[] Kinds =
    [
        "bit-flip", "truncate", "stray-bytes", "invalid-unicode", "wrong-type", "deep-nesting", "duplicate-key", "big-number", "remove", "splice",
        "bit-flip", "truncate", "stray-bytes", "invalid-unicode", "wrong-type", "deep-nesting", "duplicate-key", "big-number", "remove", "splice",
        "huge-array", "huge-string",
    ];

    /// <summary>A mutated copy of <paramref name="seed"/> and the names of the mutations applied.</summary>
    public (byte[] Bytes, string Applied) Mutate(byte[] seed, byte[] other)
    {
        var bytes = seed;
        var applied = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            applied.Add(kind);
            bytes = Apply(kind, bytes, other);
        }
        return (bytes, string.Join("+", applied));
    }

    private byte[] Apply(string kind, byte[] b, byte[] other) => kind switch
    {
        "bit-flip" => BitFlip(b),
        "truncate" => b.Length < 2 ? b : b[..random.Next(b.Length)],
        "stray-bytes" => Insert(b, Pick<byte[]>([[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [(byte)'{'], [(byte)'"']])),
        "invalid-unicode" => InString(b, Pick(["\\ud800", "\\udfff", "\\udbff\\u0041", "\\u00", "\\uZZZZ"])),
        "wrong-type" => Structured(b, node => Pick<JsonNode?>([null, 0, -1.5, "", "x", true, new JsonArray(), new JsonObject(), new JsonArray(1, "a", null)])?.DeepClone()),
        "deep-nesting" => Structured(b, node => Nest(node, random.Next(20, 3000))),
        "huge-array" => Structured(b, _ => new JsonArray(Enumerable.Range(0, random.Next(500, 20_000)).Select(_ => (JsonNode)new JsonObject()).ToArray())),
        "huge-string" => Structured(b, _ => new string(Pick(['x', 'é', '<', '\\']), random.Next(1_000, 400_000))),
        "duplicate-key" => DuplicateKey(b),
        "big-number" => Structured(b, _ => JsonNode.Parse(Pick(["1e400", "-1e400", "1e-400", "123456789012345678901234567890", "-0", "0.00000000000000000000000000001", "2147483648"]))),
        "remove" => Structured(b, _ => null, remove: true),
        "splice" => other.Length < 2 || b.Length < 2 ? b : [.. b[..random.Next(b.Length)], .. other[random.Next(other.Length)..]],
        _ => b,
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private byte[] BitFlip(byte[] b)
    {
        if (b.Length == 0) return b;
        var copy = (byte[])b.Clone();
        for (var i = random.Next(1, 9); i > 0; i--) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private byte[] Insert(byte[] b, byte[] what)
    {
        var at = random.Next(b.Length + 1);
        return [.. b[..at], .. what, .. b[at..]];
    }

    /// <summary>Puts <paramref name="escape"/> just after the opening quote of a random string (or name) of the text.</summary>
    private byte[] InString(byte[] b, string escape)
    {
        var quotes = Enumerable.Range(0, b.Length).Where(i => b[i] == '"').ToList();
        return quotes.Count == 0 ? b : [.. b[..(quotes[random.Next(quotes.Count)] + 1)], .. Encoding.ASCII.GetBytes(escape), .. b[(quotes[random.Next(quotes.Count)] + 1)..]];
    }

    /// <summary>Repeats a property of a random object (<c>"a":1</c> → <c>"a":1,"a":1</c>) at the text level, where JSON allows it.</summary>
    private byte[] DuplicateKey(byte[] b)
    {
        var text = Encoding.UTF8.GetString(b);
        var at = text.IndexOf("\":", random.Next(Math.Max(text.Length, 1)), StringComparison.Ordinal);
        if (at < 0) return b;
        var start = text.LastIndexOf('"', Math.Max(at - 1, 0));
        var end = text.IndexOfAny([',', '}'], at);
        if (start < 0 || end < 0) return b;
        var property = text[start..end];
        return Encoding.UTF8.GetBytes(text[..end] + "," + property + text[end..]);
    }

    private static JsonNode Nest(JsonNode? inner, int depth)
    {
        var node = inner?.DeepClone() ?? JsonValue.Create(1)!;
        for (var i = 0; i < depth; i++) node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        return node;
    }

    /// <summary>Replaces (or removes) a random node of the parsed text; text that JsonNode cannot take (not JSON, duplicate keys, invalid text) is left as it is.</summary>
    private byte[] Structured(byte[] b, Func<JsonNode?, JsonNode?> replace, bool remove = false)
    {
        try
        {
            return StructuredOrThrow(b, replace, remove);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            return b;
        }
    }

    private byte[] StructuredOrThrow(byte[] b, Func<JsonNode?, JsonNode?> replace, bool remove)
    {
        var root = JsonNode.Parse(b, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 4096 });
        if (root is null) return b;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        if (target.Parent is null) return Write(replace(target) ?? root);
        var replacement = replace(target);
        switch (target.Parent)
        {
            case JsonObject o:
                var name = o.First(p => ReferenceEquals(p.Value, target)).Key;
                if (remove) o.Remove(name);
                else o[name] = replacement;
                break;
            case JsonArray a:
                var index = a.IndexOf(target);
                if (remove) a.RemoveAt(index);
                else a[index] = replacement;
                break;
        }
        return Write(root);
    }

    private static byte[] Write(JsonNode node) =>
        Encoding.UTF8.GetBytes(node.ToJsonString(new System.Text.Json.JsonSerializerOptions { MaxDepth = 8192 }));

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        if (node is JsonObject o) foreach (var (_, v) in o) { if (v is not null) Collect(v, nodes); }
        else if (node is JsonArray a) foreach (var v in a) { if (v is not null) Collect(v, nodes); }
    }
}
