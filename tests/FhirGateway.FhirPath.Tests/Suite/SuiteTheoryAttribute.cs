using Xunit.Abstractions;
using Xunit.Sdk;

namespace FhirGateway.FhirPath.Tests.Suite;

/// <summary>
/// A theory whose rows are suite test names; a row that <see cref="SuiteCases.SkipReason"/> names a reason for
/// is reported as skipped with that reason (xunit 2 has no per-row skip otherwise).
/// </summary>
[XunitTestCaseDiscoverer("FhirGateway.FhirPath.Tests.Suite.SuiteTheoryDiscoverer", "FhirGateway.FhirPath.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SuiteTheoryAttribute : TheoryAttribute;

public sealed class SuiteTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        var reason = dataRow.Length > 0 && dataRow[0] is string name ? SuiteCases.SkipReason(name) : null;
        if (reason is null) return base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
        return [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason, dataRow)];
    }
}
