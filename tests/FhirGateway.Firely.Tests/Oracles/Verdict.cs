namespace FhirGateway.Firely.Tests.Oracles;

/// <summary>One error a validator reported: its code (an invariant key where it has one), location and message.</summary>
internal sealed record OracleError(string Code, string? Location, string Message)
{
    public override string ToString() => $"{Code} @ {Location}: {Message}";
}

/// <summary>What one validator said about one resource: the errors (error and fatal issues) it reported.</summary>
internal sealed record Verdict(IReadOnlyList<OracleError> Errors)
{
    public bool Valid => Errors.Count == 0;

    public override string ToString() => Valid ? "valid" : $"invalid ({Errors.Count}):\n  " + string.Join("\n  ", Errors);
}
