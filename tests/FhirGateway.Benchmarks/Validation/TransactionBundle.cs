using System.Text;

namespace FhirGateway.Benchmarks.Validation;

/// <summary>
/// A transaction Bundle of one Patient and <c>count</c> Observations (CRP results) whose subject references the
/// Patient entry by urn:uuid, as one line of JSON the way the mapping writes it.
/// </summary>
internal static class TransactionBundle
{
    public const string PatientUrn = "urn:uuid:00000000-0000-4000-8000-000000000000";

    public static byte[] Create(int count)
    {
        var sb = new StringBuilder(count * 700);
        sb.Append("""{"resourceType":"Bundle","type":"transaction","entry":[""");
        sb.Append($$$"""{"fullUrl":"{{{PatientUrn}}}","resource":{"resourceType":"Patient","name":[{"family":"Test","given":["Ann"]}],"gender":"female","birthDate":"1970-01-01"},"request":{"method":"POST","url":"Patient"}}""");
        for (var i = 1; i <= count; i++)
        {
            sb.Append($$$"""
                ,{"fullUrl":"urn:uuid:00000000-0000-4000-8000-{{{i:D12}}}","resource":{"resourceType":"Observation","status":"final",
                "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
                "code":{"coding":[{"system":"http://loinc.org","code":"1988-5","display":"C reactive protein [Mass/volume] in Serum or Plasma"}]},
                "subject":{"reference":"{{{PatientUrn}}}"},"effectiveDateTime":"2024-01-01T10:00:00Z",
                "valueQuantity":{"value":{{{i % 50}}}.5,"unit":"mg/L","system":"http://unitsofmeasure.org","code":"mg/L"}},
                "request":{"method":"POST","url":"Observation"}}
                """.ReplaceLineEndings(""));
        }
        sb.Append("]}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
