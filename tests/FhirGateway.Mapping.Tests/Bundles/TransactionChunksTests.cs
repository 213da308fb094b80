using System.Text.Json.Nodes;
using FhirGateway.Mapping.Bundles;

namespace FhirGateway.Mapping.Tests.Bundles;

public sealed class TransactionChunksTests
{
    private static JsonObject Entry(int n, params int[] references) => new()
    {
        ["fullUrl"] = $"urn:uuid:{n}",
        ["resource"] = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = "urn:t", ["value"] = $"{n}" }),
            ["focus"] = new JsonArray(references.Select(r => (JsonNode)new JsonObject
            {
                ["reference"] = $"urn:uuid:{r}",
                ["identifier"] = new JsonObject { ["system"] = "urn:t", ["value"] = $"{r}" },
            }).ToArray()),
        },
    };

    [Fact]
    public void Without_a_limit_or_within_it_everything_goes_in_one_transaction()
    {
        var entries = Enumerable.Range(0, 5).Select(i => Entry(i)).ToList();

        Assert.Single(TransactionChunks.Split(entries, null));
        Assert.Single(TransactionChunks.Split(entries, 5));
    }

    [Fact]
    public void Split_transactions_respect_the_limit_and_send_what_is_referenced_before_what_references_it()
    {
        // 0 references 3 and 4, 1 references 0, 2 references 1: dependencies come later in entry order
        var entries = new List<JsonObject> { Entry(0, 3, 4), Entry(1, 0), Entry(2, 1), Entry(3), Entry(4), Entry(5) };

        var chunks = TransactionChunks.Split(entries, 2);

        Assert.All(chunks, c => Assert.InRange(c.Count, 1, 2));
        Assert.Equal(Enumerable.Range(0, 6), chunks.SelectMany(c => c).Order());
        var position = chunks.SelectMany((c, k) => c.Select(i => (i, k))).ToDictionary(x => x.i, x => x.k);
        Assert.True(position[3] <= position[0] && position[4] <= position[0] && position[0] <= position[1] && position[1] <= position[2]);
    }

    [Fact]
    public void Entries_that_reference_each_other_stay_together_when_the_limit_allows()
    {
        var entries = new List<JsonObject> { Entry(0), Entry(1, 2), Entry(2, 1), Entry(3) };

        var chunks = TransactionChunks.Split(entries, 2);

        Assert.Contains(chunks, c => c.Contains(1) && c.Contains(2));
    }

    [Fact]
    public void A_written_transaction_names_earlier_entries_as_resolved_and_later_ones_by_identifier_only()
    {
        var entries = new List<JsonObject> { Entry(0), Entry(1, 0, 2), Entry(2) };

        var json = JsonNode.Parse(TransactionChunkWriter.Write([entries[1]], urn => urn == "urn:uuid:0" ? "Observation/abc" : null).Span)!;

        var focus = json["entry"]![0]!["resource"]!["focus"]!.AsArray();
        Assert.Equal("Observation/abc", (string?)focus[0]!["reference"]);
        Assert.Null(focus[1]!["reference"]);
        Assert.Equal("2", (string?)focus[1]!["identifier"]!["value"]);
        Assert.Equal("urn:uuid:0", (string?)entries[1]["resource"]!["focus"]![0]!["reference"]); // the plan's entries are left as they were
    }
}
