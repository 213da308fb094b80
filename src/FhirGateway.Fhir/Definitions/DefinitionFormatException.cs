namespace FhirGateway.Fhir.Definitions;

/// <summary>A conformance resource or package that cannot be read: the message says where and why.</summary>
public sealed class DefinitionFormatException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The byte offset in the JSON where reading stopped, when known.</summary>
    public long? Position { get; init; }
}
