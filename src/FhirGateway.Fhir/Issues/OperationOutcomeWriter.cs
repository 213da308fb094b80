using System.Buffers;
using System.Text;
using System.Text.Json;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Fhir.Issues;

/// <summary>
/// Writes issues as a FHIR R4 OperationOutcome: severity, code, details (the catalogue id as a coding, the
/// message as text), expression (the FHIRPath location) and the line/column as the standard HL7 extensions.
/// </summary>
public static class OperationOutcomeWriter
{
    /// <summary>The code system of the gateway's issue catalogue ids.</summary>
    public const string IssueCodeSystem = "http://fhirgateway.dev/CodeSystem/issue";

    public const string LineExtensionUrl = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line";
    public const string ColumnExtensionUrl = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col";

    /// <summary>The extension that names the file an OperationOutcome is about (as the HL7 validator writes it).</summary>
    public const string FileExtensionUrl = "http://hl7.org/fhir/StructureDefinition/operationoutcome-file";

    public static string ToJson(IReadOnlyList<Issue> issues, bool pretty = true)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, FhirJsonWriter.Options(pretty))) Write(issues, writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes the OperationOutcome; with no issues, the one informational issue the resource needs (issue is 1..*).
    /// <paramref name="file"/>, when given, is recorded in the operationoutcome-file extension.
    /// </summary>
    public static void Write(IReadOnlyList<Issue> issues, Utf8JsonWriter w, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteString("resourceType", "OperationOutcome");
        if (file is not null)
        {
            w.WriteStartArray("extension");
            w.WriteStartObject();
            w.WriteString("url", FileExtensionUrl);
            w.WriteString("valueString", file);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteStartArray("issue");
        if (issues.Count == 0)
        {
            w.WriteStartObject();
            w.WriteString("severity", IssueSeverity.Information.ToCode());
            w.WriteString("code", IssueType.Informational.ToCode());
            w.WriteStartObject("details");
            w.WriteString("text", "No issues found");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        foreach (var issue in issues) WriteIssue(issue, w);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    private static void WriteIssue(Issue issue, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        if (issue.Line > 0)
        {
            w.WriteStartArray("extension");
            WriteIntegerExtension(w, LineExtensionUrl, issue.Line);
            WriteIntegerExtension(w, ColumnExtensionUrl, issue.Column);
            w.WriteEndArray();
        }
        w.WriteString("severity", issue.Severity.ToCode());
        w.WriteString("code", issue.Definition.Type.ToCode());
        w.WriteStartObject("details");
        w.WriteStartArray("coding");
        w.WriteStartObject();
        w.WriteString("system", IssueCodeSystem);
        w.WriteString("code", issue.Code);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("text", issue.Message);
        w.WriteEndObject();
        if (issue.Origin is not null) w.WriteString("diagnostics", issue.ToString());
        if (issue.Expression is not null)
        {
            w.WriteStartArray("expression");
            w.WriteStringValue(issue.Expression);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteIntegerExtension(Utf8JsonWriter w, string url, int value)
    {
        w.WriteStartObject();
        w.WriteString("url", url);
        w.WriteNumber("valueInteger", value);
        w.WriteEndObject();
    }
}
