using System.Collections.Generic;
using System.Text.Json.Serialization;
using TrackingMore.Api;

namespace TrackingMore.Serialization
{
    /// <summary>
    /// Source-generated serializers for request bodies: no reflection at run time, and fields left null are not sent
    /// (the API treats a sent null differently from an absent field).
    /// </summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(NewTrackingRequest))]
    [JsonSerializable(typeof(List<NewTrackingRequest>))]
    [JsonSerializable(typeof(List<TrackingIdentity>))]
    internal sealed partial class RequestJsonContext : JsonSerializerContext
    {
    }
}
