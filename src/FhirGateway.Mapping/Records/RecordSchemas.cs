namespace FhirGateway.Mapping.Records;

/// <summary>
/// The record contracts: one JSON Schema (2020-12) per record kind plus the envelope they share, embedded from
/// <c>Records/Schemas/</c> (documented in the README there). For partners of the clinic system and for tests; the
/// mapper checks the same rules itself and reports them as <c>record-…</c> issues.
/// </summary>
public static class RecordSchemas
{
    public const string Envelope = "record-envelope";

    private const string Prefix = "RecordSchemas/";

    /// <summary>The schema of a record kind (or <see cref="Envelope"/>) as UTF-8 JSON.</summary>
    public static byte[] Get(string kind)
    {
        using var stream = typeof(RecordSchemas).Assembly.GetManifestResourceStream($"{Prefix}{kind}.schema.json")
            ?? throw new ArgumentException($"No record schema for '{kind}'", nameof(kind));
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
