using System.IO.Compression;
using System.Text;
using FhirGateway.Fhir.Definitions.Sources;

namespace FhirGateway.Fhir.Definitions.Pack;

/// <summary>
/// The compact definitions pack. Layout: <c>FGDP</c>, the format version, then Brotli blocks, each written
/// as compressed length, raw length and bytes: first the index (a description, then per entry kind, url,
/// version, name, type, derivation and JSON length), then one block per <see cref="DefinitionKind"/> holding
/// that kind's compact conformance JSON back to back. Opening reads only the index; a kind's block is
/// decompressed when one of its definitions is first asked for. Entries are sorted by kind, url and
/// version, so the same definitions always give the same bytes.
/// </summary>
public static class DefinitionPack
{
    private static readonly byte[] Magic = "FGDP"u8.ToArray();
    private const int FormatVersion = 2;

    /// <summary>Writes a pack of the given definitions (compact JSON per entry) to <paramref name="output"/>.</summary>
    public static void Write(Stream output, string description, IEnumerable<(DefinitionEntry Entry, byte[] Json)> definitions)
    {
        var sorted = definitions
            .OrderBy(d => d.Entry.Kind)
            .ThenBy(d => d.Entry.Url, StringComparer.Ordinal)
            .ThenBy(d => d.Entry.Version, StringComparer.Ordinal)
            .ToList();
        var index = new MemoryStream();
        using (var w = new BinaryWriter(index, Encoding.UTF8, leaveOpen: true))
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
        }
        output.Write(Magic);
        output.Write(BitConverter.GetBytes(FormatVersion));
        WriteBlock(output, index.ToArray());
        foreach (var kind in DefinitionKinds.All)
            WriteBlock(output, sorted.Where(d => d.Entry.Kind == kind).SelectMany(d => d.Json).ToArray());
    }

    /// <summary>Opens a pack: reads its index; each kind's definitions are decompressed on first request and read into records one by one.</summary>
    public static IndexedDefinitionSource Open(Stream input, string? origin = null)
    {
        var name = origin ?? "definitions pack";
        var head = new byte[8];
        input.ReadExactly(head);
        if (!head.AsSpan(0, 4).SequenceEqual(Magic)) throw new DefinitionFormatException($"{name} is not a definitions pack");
        var version = BitConverter.ToInt32(head, 4);
        if (version != FormatVersion) throw new DefinitionFormatException($"{name} has pack format {version}; this build reads {FormatVersion}");
        var index = ReadBlock(input, name)();
        var blocks = DefinitionKinds.All.Select(_ => new Lazy<byte[]>(ReadBlock(input, name), LazyThreadSafetyMode.ExecutionAndPublication)).ToArray();
        return ReadIndex(index, blocks, name);
    }

    private static IndexedDefinitionSource ReadIndex(byte[] index, Lazy<byte[]>[] blocks, string origin)
    {
        using var r = new BinaryReader(new MemoryStream(index, writable: false), Encoding.UTF8);
        var description = r.ReadString();
        var count = r.ReadInt32();
        var definitions = new IndexedDefinition[count];
        var offsets = new int[blocks.Length];
        for (var i = 0; i < count; i++)
        {
            var kind = (DefinitionKind)r.ReadByte();
            var entry = new DefinitionEntry(kind, r.ReadString(), ReadOptional(r), ReadOptional(r), ReadOptional(r), ReadOptional(r));
            var length = r.ReadInt32();
            var block = blocks[(int)kind];
            var offset = offsets[(int)kind];
            offsets[(int)kind] += length;
            definitions[i] = new IndexedDefinition(entry, () => block.Value.AsMemory(offset, length), origin);
        }
        return new IndexedDefinitionSource(description, definitions);
    }

    private static void WriteBlock(Stream output, byte[] raw)
    {
        var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) brotli.Write(raw);
        output.Write(BitConverter.GetBytes(checked((int)compressed.Length)));
        output.Write(BitConverter.GetBytes(raw.Length));
        compressed.Position = 0;
        compressed.CopyTo(output);
    }

    /// <summary>Reads a block's compressed bytes now and returns what decompresses them later.</summary>
    private static Func<byte[]> ReadBlock(Stream input, string origin)
    {
        var head = new byte[8];
        input.ReadExactly(head);
        var compressed = new byte[BitConverter.ToInt32(head, 0)];
        var rawLength = BitConverter.ToInt32(head, 4);
        input.ReadExactly(compressed);
        return () =>
        {
            var raw = new byte[rawLength];
            using var brotli = new BrotliStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            try
            {
                brotli.ReadExactly(raw);
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
            {
                throw new DefinitionFormatException($"{origin} is damaged: a block does not decompress to its recorded length", e);
            }
            return raw;
        };
    }

    private static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
