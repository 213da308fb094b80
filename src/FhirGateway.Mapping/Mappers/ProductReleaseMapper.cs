using System.Text.Json.Nodes;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Fhir;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Mappers.Tables;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Mappers;

/// <summary>
/// The release of an MSC product lot: the msc-product BiologicallyDerivedProduct and its two release Observations
/// (post-thaw viability &gt; 90%, identity ≥ 95%) whose focus is the product. A lot that misses a criterion is not
/// released: the record is refused with the criterion it misses.
/// </summary>
internal sealed class ProductReleaseMapper : IKindMapper
{
    public string Kind => RecordKinds.ProductRelease;

    public static ResourceKey KeyFor(string lot) => new("BiologicallyDerivedProduct", new BusinessIdentifier(ClinicIg.Systems.ProductLot, lot));

    public void Map(MappingContext context)
    {
        var product = context.Record.Object("product", true);
        var release = context.Record.Object("release", true);
        var lot = product?.String("lot", true);
        var manufacturedOn = product?.Date("manufacturedOn", true);
        var expiresOn = product?.Date("expiresOn", true);
        var bags = product?.Integer("bags", true, 1, 100);
        var temperature = product?.Number("storageTemperatureC", true, -273m, 8m);
        var processing = product?.String("processing", true);
        var testedAt = release?.DateTime("testedAt", true);
        var viability = release?.Number("viabilityPercent", true, 0m, 100m);
        var identity = release?.Number("identityPercent", true, 0m, 100m);
        if (viability is { } v && v.Value <= 90m)
            release!.Report(IssueCatalogue.RecordReleaseCriterionNotMet, "viabilityPercent", release.PathOf("viabilityPercent"), v.Text, "post-thaw viability above 90%");
        if (identity is { } i && i.Value < 95m)
            release!.Report(IssueCatalogue.RecordReleaseCriterionNotMet, "identityPercent", release.PathOf("identityPercent"), i.Text, "identity verification of at least 95%");
        if (manufacturedOn is not null && expiresOn is not null && string.CompareOrdinal(expiresOn, manufacturedOn) <= 0)
            product!.Report(IssueCatalogue.RecordInconsistent, "expiresOn", product.PathOf("expiresOn"), "is not after manufacturedOn");
        if (context.HasErrors || lot is null || manufacturedOn is null || expiresOn is null || bags is null || temperature is null
            || processing is null || testedAt is null || viability is null || identity is null) return;

        var draft = context.Add(new ResourceDraft(KeyFor(lot), "msc-product"));
        draft.Narrate(new Narrative().Title($"MSC product lot {lot}")
            .Row("Product", ClinicConcepts.Display("wj-msc"))
            .Row("Source", ClinicConcepts.Display("whartons-jelly"))
            .Row("Bags", bags.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Row("Manufactured", manufacturedOn)
            .Row("Use by", expiresOn)
            .Row("Storage", $"{temperature} °C")
            .Row("Post-thaw viability", $"{viability} %")
            .Row("Identity", $"{identity} %"));
        draft["extension"] = FhirNodes.Array(FhirNodes.Extension(ClinicIg.Extension("tissue-source"), "valueCodeableConcept", ClinicConcepts.Concept("whartons-jelly")));
        draft["identifier"] = FhirNodes.Array(FhirNodes.Identifier(draft.Key.Identifier));
        draft["productCategory"] = "cells";
        draft["productCode"] = ClinicConcepts.Concept("wj-msc", "MSC(WJ), clinical grade");
        draft["status"] = "available";
        draft["quantity"] = bags.Value;
        draft["processing"] = FhirNodes.Array(new JsonObject { ["description"] = processing, ["timeDateTime"] = manufacturedOn });
        draft["storage"] = FhirNodes.Array(new JsonObject
        {
            ["temperature"] = FhirNodes.Number(temperature.Value),
            ["scale"] = "celsius",
            ["duration"] = FhirNodes.Period(null, expiresOn),
        });

        var focus = FhirNodes.Reference(draft.Key, $"MSC lot {lot}");
        Release(context, "viability", "msc-viability", "post-thaw-viability", viability.Value, testedAt.Value, focus, lot);
        Release(context, "identity", "msc-identity", "identity-verification", identity.Value, testedAt.Value, focus, lot);
    }

    private static void Release(MappingContext context, string part, string profileId, string code, RecordNumber percent, RecordDateTime testedAt, JsonObject focus, string lot)
    {
        var narrative = new Narrative().Title($"{ClinicConcepts.Display(code)}: {percent} % (lot {lot})").Row("Tested", testedAt.Text);
        var draft = ObservationDrafts.Start(context, context.FromRecord(ClinicIg.Systems.Result, part), profileId, narrative, null, "laboratory",
            ClinicConcepts.Concept(code), testedAt.Text, focus: focus.DeepClone().AsObject());
        draft["valueQuantity"] = FhirNodes.Quantity(percent, "%", "%");
    }
}
