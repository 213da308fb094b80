using System.Text.Json.Nodes;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Fhir;

/// <summary>
/// A resource being written by a mapper: <c>resourceType</c>, the deterministic <c>id</c> and <c>meta.profile</c>
/// first, then the narrative, then the properties the mapper adds in definition order.
/// </summary>
internal sealed class ResourceDraft
{
    public ResourceDraft(ResourceKey key, string profileId)
    {
        Key = key;
        Profile = ClinicIg.Profile(profileId);
        Json = new JsonObject
        {
            ["resourceType"] = key.Type,
            ["id"] = key.Id,
            ["meta"] = new JsonObject { ["profile"] = FhirNodes.Array(JsonValue.Create(Profile)) },
        };
    }

    public ResourceKey Key { get; }

    public string Profile { get; }

    public JsonObject Json { get; }

    public JsonObject Meta => (JsonObject)Json["meta"]!;

    /// <summary>Sets <c>text</c> (generated narrative), which goes right after <c>meta</c> whenever it is set.</summary>
    public void Narrate(Narrative narrative)
    {
        Json.Remove("text");
        Json.Insert(3, "text", FhirNodes.Text(narrative));
    }

    /// <summary>
    /// Adds a contained resource (<c>contained</c> goes right after <c>text</c>, or <c>meta</c> when there is none) and
    /// returns the local reference (<c>#id</c>) that points at it.
    /// </summary>
    public string Contain(JsonObject resource)
    {
        if (Json["contained"] is not JsonArray contained)
        {
            contained = [];
            Json.Insert(Json.ContainsKey("text") ? 4 : 3, "contained", contained);
        }
        contained.Add(resource);
        return "#" + resource["id"]!.GetValue<string>();
    }

    public JsonNode? this[string property]
    {
        get => Json[property];
        set => Json[property] = value;
    }

    public MappedResource ToMapped() => new(Key.Type, Key.Id, Profile, Key.Identifier, FhirNodes.ToUtf8(Json));
}
