using System.Text;
using System.Text.Json.Nodes;
using FhirGateway.Demo.Sandbox;

namespace FhirGateway.Runtime.Tests.Sandbox;

public sealed class SandboxFhirServerTests
{
    private readonly SandboxFhirServer _server = new();

    private static byte[] Transaction(string observationStatus = "final", string patientRef = "urn:uuid:p") => Encoding.UTF8.GetBytes($$$"""
        {"resourceType":"Bundle","type":"transaction","entry":[
          {"fullUrl":"urn:uuid:p","resource":{"resourceType":"Patient","identifier":[{"system":"urn:s","value":"1"}]},
           "request":{"method":"POST","url":"Patient","ifNoneExist":"identifier=urn:s|1"}},
          {"fullUrl":"urn:uuid:o","resource":{"resourceType":"Observation","identifier":[{"system":"urn:r","value":"9"}],"status":"{{{observationStatus}}}","subject":{"reference":"{{{patientRef}}}"}},
           "request":{"method":"PUT","url":"Observation?identifier=urn%3Ar%7C9"}}]}
        """);

    [Fact]
    public void Creates_then_recognises_and_updates_by_identifier_so_a_repeat_adds_nothing()
    {
        var first = _server.Transaction(Transaction());
        var second = _server.Transaction(Transaction("amended"));

        Assert.Equal(200, first.Status);
        Assert.Contains("201 Created", first.Json, StringComparison.Ordinal);
        Assert.Equal(["200 OK", "200 OK"], JsonNode.Parse(second.Json)!["entry"]!.AsArray().Select(e => (string?)e!["response"]!["status"]));
        Assert.Equal((1, 1), (_server.Count("Patient"), _server.Count("Observation")));
        var observation = _server.All("Observation")[0];
        Assert.Equal(("amended", "2"), ((string?)observation["status"], (string?)observation["meta"]!["versionId"]));
    }

    [Fact]
    public void Rewrites_urn_uuid_references_to_the_ids_it_assigns()
    {
        _server.Transaction(Transaction());

        var patientId = (string?)_server.All("Patient")[0]["id"];
        Assert.Equal($"Patient/{patientId}", (string?)_server.All("Observation")[0]["subject"]!["reference"]);
    }

    [Fact]
    public void A_dangling_reference_fails_the_whole_transaction_and_stores_nothing()
    {
        var answer = _server.Transaction(Transaction(patientRef: "urn:uuid:nobody"));

        Assert.Equal(400, answer.Status);
        Assert.Contains("OperationOutcome", answer.Json, StringComparison.Ordinal);
        Assert.Equal(0, _server.CountAll());
    }

    [Fact]
    public void Anything_but_a_transaction_Bundle_is_refused()
    {
        Assert.Equal(400, _server.Transaction("""{"resourceType":"Bundle","type":"batch"}"""u8).Status);
        Assert.Equal(400, _server.Transaction("not json"u8).Status);
    }
}
