using System.Text;
using System.Text.Json;
using FhirGateway.Fhir.Tests.Support;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Mapping;

/// <summary>
/// Each good seed's transaction Bundle against its golden file (Golden/&lt;seed&gt;.bundle.json), compared as JSON values
/// with the first difference shown. After an intended change, regenerate the goldens with
/// <c>UPDATE_GOLDENS=1 dotnet test tests/FhirGateway.Mapping.Tests -c Release --filter GoldenFileTests</c> and review the diff.
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly RecordMapper Mapper = new();
    private static readonly TransactionBundleBuilder Builder = new();
    private static readonly JsonWriterOptions Pretty = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> GoodSeeds() => new(RepoFiles.GoodSeeds());

    private static string GoldenPath(string seed) =>
        Path.Combine(RepoFiles.Root, "tests", "FhirGateway.Mapping.Tests", "Golden", Path.ChangeExtension(seed, ".bundle.json"));

    [Theory]
    [MemberData(nameof(GoodSeeds))]
    public void A_seed_maps_to_its_golden_bundle(string seed)
    {
        var bundle = Builder.Build([Mapper.Map(RepoFiles.Seed(seed)).Record!]).Json;
        var golden = GoldenPath(seed);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDENS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, Indent(bundle.Span) + "\n");
        }
        Assert.True(File.Exists(golden), $"No golden file {golden}: run with UPDATE_GOLDENS=1 to write it.");
        var difference = JsonStructuralDiff.FirstDifference(File.ReadAllBytes(golden), bundle.Span);
        Assert.True(difference is null, $"{seed} differs from {Path.GetRelativePath(RepoFiles.Root, golden)} at {difference}\n(if the change is intended: UPDATE_GOLDENS=1, then review the diff)");
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_seed()
    {
        var goldens = Directory.EnumerateFiles(Path.Combine(RepoFiles.Root, "tests", "FhirGateway.Mapping.Tests", "Golden"), "*.bundle.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoFiles.Root, f)).Order().ToList();
        Assert.Equal(RepoFiles.GoodSeeds().Select(s => Path.GetRelativePath(RepoFiles.Root, GoldenPath(s))).Order().ToList(), goldens);
    }

    private static string Indent(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Pretty)) document.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
