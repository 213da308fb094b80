namespace FhirGateway.Validation.Tests.Conformance;

/// <summary>
/// The rows of a static member as test cases that are all reported as skipped, with <paramref name="reason"/>: for
/// rows known not to be runnable (each row names itself and its own reason in its arguments), so that they show as
/// skipped instead of passing.
/// </summary>
internal sealed class SkippedRowsAttribute : MemberDataAttributeBase
{
    public SkippedRowsAttribute(string memberName, string reason = "this row cannot run here; its arguments say why")
        : base(memberName, [])
    {
        Skip = reason;
    }

    protected override object[] ConvertDataItem(System.Reflection.MethodInfo testMethod, object item) =>
        item as object[] ?? throw new ArgumentException($"{MemberName} must yield object[] rows");
}
