using System.Text.Json;
using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Tests.Issues;

public sealed class OperationOutcomeWriterTests
{
    [Fact]
    public void Writes_each_issue_with_severity_code_details_expression_and_position_extensions()
    {
        var issue = IssueCatalogue.JsonUnknownProperty.At("Patient.foo", "foo", "Patient") with { Line = 3, Column = 7, Origin = "p.json" };
        using var doc = JsonDocument.Parse(OperationOutcomeWriter.ToJson([issue]));
        var root = doc.RootElement;
        Assert.Equal("OperationOutcome", root.GetProperty("resourceType").GetString());
        var written = Assert.Single(root.GetProperty("issue").EnumerateArray());
        Assert.Equal("error", written.GetProperty("severity").GetString());
        Assert.Equal("structure", written.GetProperty("code").GetString());
        var coding = Assert.Single(written.GetProperty("details").GetProperty("coding").EnumerateArray());
        Assert.Equal(OperationOutcomeWriter.IssueCodeSystem, coding.GetProperty("system").GetString());
        Assert.Equal("json-unknown-property", coding.GetProperty("code").GetString());
        Assert.Equal(issue.Message, written.GetProperty("details").GetProperty("text").GetString());
        Assert.Equal("Patient.foo", Assert.Single(written.GetProperty("expression").EnumerateArray()).GetString());
        var extensions = written.GetProperty("extension").EnumerateArray().ToList();
        Assert.Equal(OperationOutcomeWriter.LineExtensionUrl, extensions[0].GetProperty("url").GetString());
        Assert.Equal(3, extensions[0].GetProperty("valueInteger").GetInt32());
        Assert.Equal(OperationOutcomeWriter.ColumnExtensionUrl, extensions[1].GetProperty("url").GetString());
        Assert.Equal(7, extensions[1].GetProperty("valueInteger").GetInt32());
    }

    [Fact]
    public void Writes_an_informational_issue_when_there_are_none()
    {
        using var doc = JsonDocument.Parse(OperationOutcomeWriter.ToJson([]));
        var only = Assert.Single(doc.RootElement.GetProperty("issue").EnumerateArray());
        Assert.Equal("information", only.GetProperty("severity").GetString());
        Assert.Equal("informational", only.GetProperty("code").GetString());
    }
}
