using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// An adverse event recorded on its own, after the infusion it is suspected to come from: one msc-adverse-event
/// AdverseEvent suspecting that infusion (by its record id) and the lot it names. That the lot was released is
/// checked by the pipeline against the routed records, not here.
/// </summary>
internal sealed class AdverseEventMapper : IKindMapper
{
    public string Kind => RecordKinds.AdverseEvent;

    public void Map(MappingContext context)
    {
        var r = context.Record;
        var e = r.Object("event", true);
        var facts = e is null ? null : AdverseEvents.Read(e);
        var lot = r.String("suspectedLot", true);
        var infusion = r.String("suspectedInfusion", true);
        if (context.HasErrors || facts is null || lot is null || infusion is null) return;
        AdverseEvents.Add(context, "adverse-event", facts, InfusionMapper.KeyFor(infusion), lot);
    }
}
