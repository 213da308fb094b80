using Xunit.Abstractions;
using Xunit.Sdk;

namespace FhirGateway.Testing.Store;

/// <summary>Marks a test class that runs against PostgreSQL: its <see cref="EngineFactAttribute"/> tests skip, with the reason, where no cluster can be had.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class NeedsPostgreSqlAttribute : Attribute;

/// <summary>
/// A fact of a store contract, declared once in an abstract class and run by each engine's subclass; it reports itself
/// skipped in a subclass marked <see cref="NeedsPostgreSqlAttribute"/> where PostgreSQL is unavailable.
/// </summary>
[XunitTestCaseDiscoverer("FhirGateway.Testing.Store.EngineFactDiscoverer", "FhirGateway.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineFactAttribute : FactAttribute;

/// <summary>The theory form of <see cref="EngineFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("FhirGateway.Testing.Store.EngineTheoryDiscoverer", "FhirGateway.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineTheoryAttribute : TheoryAttribute;

/// <summary>A fact that needs PostgreSQL itself (not a contract shared with SQLite): skipped, with the reason, where it is unavailable.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlCluster.Unavailable is { } reason) Skip = reason;
    }
}

internal static class EngineSkip
{
    public static string? Reason(ITypeInfo testClass) =>
        testClass is IReflectionTypeInfo { Type: { } type } && type.IsDefined(typeof(NeedsPostgreSqlAttribute), inherit: true) ? PostgreSqlCluster.Unavailable : null;
}

/// <summary>A test case whose skip reason also asks whether its class's engine is there.</summary>
public sealed class EngineTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public EngineTestCase()
    {
    }

    public EngineTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute) ?? EngineSkip.Reason(TestMethod.TestClass.Class)!;
}

public sealed class EngineFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new EngineTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

public sealed class EngineTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        return EngineSkip.Reason(testMethod.TestClass.Class) is null
            ? base.Discover(discoveryOptions, testMethod, theoryAttribute)
            : [new EngineTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
    }
}
