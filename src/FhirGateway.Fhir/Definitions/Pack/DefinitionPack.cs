using System.IO.Compression;
using System.Text;
using FhirGateway.Fhir.Definitions.Sources;

namespace FhirGateway.Fhir.Definitions.Pack;

/// <summary>
/// The compact definitions pack: <c>FGDP</c>, a format version, the uncompressed length, then one Brotli
/// stream holding a description, an index (kind, url, version, name, type, derivation, length per entry) and
/// the entries' compact conformance JSON back to back. Entries are sorted by kind, url and version, so the
/// same definitions always give the same bytes.
/// </summary>
public static class DefinitionPack
{
    private static readonly byte[] Magic = "FGDP"u8.ToArray();
    private const int FormatVersion = 1;

    /// <summary>Writes a pack of the given definitions (compact JSON per entry) to <paramref name="output"/>.</summary>
    public static void Write(Stream output, string description, IEnumerable<(DefinitionEntry Entry, byte[] Json)> definitions)
    {
        var sorted = definitions
            .OrderBy(d => d.Entry.Kind)
            .ThenBy(d => d.Entry.Url, StringComparer.Ordinal)
            .ThenBy(d => d.Entry.Version, StringComparer.Ordinal)
            .ToList();
        var raw = new MemoryStream();
        using (var w = new BinaryWriter(raw, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(description);
            w.Write(sorted.Count);
            foreach (var (e, json) in sorted)
            {
                w.Write((byte)e.Kind);
                w.Write(e.Url);
                WriteOptional(w, e.Version);
                WriteOptional(w, e.Name);
                WriteOptional(w, e.Type);
                WriteOptional(w, e.Derivation);
                w.Write(json.Length);
            }
            foreach (var (_, json) in sorted) w.Write(json);
        }
        output.Write(Magic);
        using var header = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        header.Write(FormatVersion);
        header.Write(checked((int)raw.Length));
        header.Flush();
        using var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        raw.Position = 0;
        raw.CopyTo(brotli);
    }

    /// <summary>Opens a pack: decompresses it and reads the index; entries are read into records on first request.</summary>
    public static IndexedDefinitionSource Open(Stream input, string? origin = null)
    {
        var name = origin ?? "definitions pack";
        var head = new byte[12];
        input.ReadExactly(head);
        if (!head.AsSpan(0, 4).SequenceEqual(Magic)) throw new DefinitionFormatException($"{name} is not a definitions pack");
        var version = BitConverter.ToInt32(head, 4);
        if (version != FormatVersion) throw new DefinitionFormatException($"{name} has pack format {version}; this build reads {FormatVersion}");
        var buffer = new byte[BitConverter.ToInt32(head, 8)];
        using (var brotli = new BrotliStream(input, CompressionMode.Decompress, leaveOpen: true)) brotli.ReadExactly(buffer);
        return ReadIndex(buffer, name);
    }

    private static IndexedDefinitionSource ReadIndex(byte[] buffer, string origin)
    {
        using var r = new BinaryReader(new MemoryStream(buffer, writable: false), Encoding.UTF8);
        var description = r.ReadString();
        var count = r.ReadInt32();
        var entries = new (DefinitionEntry Entry, int Length)[count];
        for (var i = 0; i < count; i++)
        {
            var kind = (DefinitionKind)r.ReadByte();
            var url = r.ReadString();
            entries[i] = (new DefinitionEntry(kind, url, ReadOptional(r), ReadOptional(r), ReadOptional(r), ReadOptional(r)), r.ReadInt32());
        }
        var offset = (int)r.BaseStream.Position;
        var memory = new ReadOnlyMemory<byte>(buffer);
        var definitions = new IndexedDefinition[count];
        for (var i = 0; i < count; i++)
        {
            var slice = memory.Slice(offset, entries[i].Length);
            definitions[i] = new IndexedDefinition(entries[i].Entry, () => slice, origin);
            offset += entries[i].Length;
        }
        if (offset != buffer.Length) throw new DefinitionFormatException($"{origin} is damaged: index and content lengths disagree");
        return new IndexedDefinitionSource(description, definitions);
    }

    private static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
