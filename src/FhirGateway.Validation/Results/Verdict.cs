namespace FhirGateway.Validation.Results;

/// <summary>How one check on one element came out, from best to worst: the order is what <see cref="Verdicts.Combine"/> uses.</summary>
public enum Verdict
{
    /// <summary>The element passes the check (warnings and information may still be attached).</summary>
    Success,
    /// <summary>The check could not decide (a code in a system not held offline, a value that cannot be compared): never an error.</summary>
    Undecided,
    /// <summary>The element fails the check: at least one error or fatal issue.</summary>
    Failure,
}

public static class Verdicts
{
    /// <summary>The verdict of two checks together: the worse of the two (failure over undecided over success).</summary>
    public static Verdict Combine(Verdict a, Verdict b) => a >= b ? a : b;
}
