namespace FhirGateway.Validation.Tests.Conformance;

/// <summary>
/// Where the outside conformance material lives: <c>../shared/conformance</c> beside the folder holding
/// FhirGateway.sln. Tests that need it skip, saying why, when this machine does not have it.
/// </summary>
internal static class SharedConformance
{
    public static string? Root { get; } = Find();

    public const string Missing = "the outside conformance material (../shared/conformance beside the repository) is not on this machine";

    public static string Validator => Path.Combine(Root!, "validator");

    public static string Examples => Path.Combine(Root!, "r4-examples");

    private static string? Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln"))) dir = dir.Parent;
        if (dir is null) return null;
        var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance"));
        return Directory.Exists(shared) ? shared : null;
    }
}

/// <summary>A fact over the conformance material, skipped with the reason when it is absent.</summary>
internal sealed class NeedsConformanceFactAttribute : FactAttribute
{
    public NeedsConformanceFactAttribute()
    {
        if (SharedConformance.Root is null) Skip = SharedConformance.Missing;
    }
}

/// <summary>A theory over the conformance material, skipped with the reason when it is absent.</summary>
internal sealed class NeedsConformanceTheoryAttribute : TheoryAttribute
{
    public NeedsConformanceTheoryAttribute()
    {
        if (SharedConformance.Root is null) Skip = SharedConformance.Missing;
    }
}

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
