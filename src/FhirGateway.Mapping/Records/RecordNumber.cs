using System.Globalization;

namespace FhirGateway.Mapping.Records;

/// <summary>A number from a record: its value, and its text exactly as written (<c>3.10</c> stays <c>3.10</c> in FHIR).</summary>
public readonly record struct RecordNumber(decimal Value, string Text)
{
    public static RecordNumber Of(decimal value) => new(value, value.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Text;
}
