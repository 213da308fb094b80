using System.Text;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>Internal clinic records for tests (made-up patients; names and birth dates only so tests can check they never leak).</summary>
public static class Records
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static string Json(string recordId, string patientId, int version = 1, string kind = "biomarker-panel", string extra = "") =>
        $$"""
        {"recordId":"{{recordId}}","version":{{version}},"kind":"{{kind}}","patient":{"id":"{{patientId}}","name":"Ada Quill","birthDate":"1961-04-12"},
         "recordedAt":"2026-03-01T09:30:00Z"{{extra}}}
        """;

    public static byte[] Bytes(string recordId, string patientId, int version = 1, string kind = "biomarker-panel", string extra = "") =>
        Encoding.UTF8.GetBytes(Json(recordId, patientId, version, kind, extra));

    public static RecordEnvelope Envelope(string recordId, string patientId, int version = 1, string kind = "biomarker-panel") =>
        new(recordId, version, kind, patientId, new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));

    /// <summary>A consent record (the fake mapper reads <c>partnerOrg</c> and <c>active</c>).</summary>
    public static byte[] Consent(string recordId, string patientId, string partnerOrg, bool active = true, int version = 1, string period = "") =>
        Bytes(recordId, patientId, version, "consent", $$""","partnerOrg":"{{partnerOrg}}","active":{{(active ? "true" : "false")}}{{period}}""");
}
