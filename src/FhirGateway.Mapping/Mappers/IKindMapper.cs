namespace FhirGateway.Mapping.Mappers;

/// <summary>Maps the kind-specific part of one kind of record; reports problems into the context, never throws for bad input. Stateless.</summary>
internal interface IKindMapper
{
    string Kind { get; }

    void Map(MappingContext context);
}
