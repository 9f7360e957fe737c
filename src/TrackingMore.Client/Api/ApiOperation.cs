namespace TrackingMore.Api
{
    /// <summary>
    /// What a caller can ask of the API, whatever the version: one value per method of <see cref="ITrackingMoreClient"/>
    /// that sends. <see cref="ApiCapabilities.Operations"/> says which of them a connection's version offers.
    /// </summary>
    public enum ApiOperation
    {
        CreateTracking,
        CreateTrackings,
        GetTracking,
        ListTrackings,
        DeleteTracking,
        DeleteTrackings,
        UpdateTracking,
        UpdateTrackings,
        ChangeCarrier,
        StopUpdating,
        GetRealtimeTracking,
        GetStatusCount,
        GetAccount,
        CheckRemoteAreas,
        GetTransitTimes,
        GetAirWaybills,
        ListCarriers,
        DetectCarrier,
    }
}
