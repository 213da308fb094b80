using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Fhir.Tests.Support;

namespace FhirGateway.Fhir.Tests.Serialization.Json;

/// <summary>Every R4 example in ../shared/conformance/r4-examples reads without errors and writes back as the same JSON value.</summary>
public sealed class R4ExamplesRoundTripTests
{
    private const string Folder = "r4-examples";
    private static readonly FhirJsonParser Parser = new(StructureTypeModel.R4Core);
    private static readonly FhirJsonWriter Writer = new(Parser.Tables);

    public static TheoryData<string> Files() => SharedConformance.FileNames(Folder, "*.json");

    [ConformanceTheory(Folder)]
    [MemberData(nameof(Files))]
    public void Example_reads_cleanly_and_round_trips_to_the_same_json(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(SharedConformance.Folder(Folder)!, file));
        var result = Parser.Parse(bytes, file);
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Issues.Where(i => i.IsError)));
        var written = Writer.ToUtf8Bytes(result.Root!);
        var difference = JsonStructuralDiff.FirstDifference(bytes, written);
        Assert.True(difference is null, $"{file}: {difference}");
    }

    [ConformanceTheory(Folder)]
    [InlineData(364)]
    public void The_folder_holds_the_expected_examples(int count) =>
        Assert.Equal(count, Directory.GetFiles(SharedConformance.Folder(Folder)!, "*.json").Length);
}
