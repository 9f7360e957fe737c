namespace TrackingMore.Emulator;

/// <summary>What a tracking looks like at one instant.</summary>
/// <param name="Visible">How many route events have happened (the first <c>Visible</c> of <see cref="StoredTracking.Events"/>).</param>
/// <param name="ChangedAt">When the emulator "saw" the last change: drives updated_at.</param>
internal readonly record struct ShipmentState(Status Status, string? Substatus, int Visible, long ChangedAt);

/// <summary>
/// Routes and their evaluation. A route is planned once (offsets from its start, an outcome); the state at any
/// simulated instant is a pure function of the route and that instant, so nothing runs in the background and a
/// list request can evaluate 200,000 trackings cheaply.
/// </summary>
internal static class Simulation
{
    /// <summary>A tracking in transit with no news for this long is "expired" (shorter than real life, so that
    /// a created shipment reaches a final status within ~20 simulated days).</summary>
    public const long StallExpirySeconds = 7 * 86400;

    /// <summary>A tracking the carrier never knew becomes "expired" after this long.</summary>
    public const long NotFoundExpirySeconds = 10 * 86400;

    private static readonly string[] TransitSub = ["transit001", "transit002", "transit003", "transit004", "transit005"];
    private static readonly string[] DeliveredSub = ["delivered001", "delivered002", "delivered003", "delivered004"];
    private static readonly string[] ExceptionSub =
    [
        "exception001", "exception002", "exception003", "exception004", "exception005", "exception006",
        "exception007", "exception008", "exception009", "exception010", "exception011",
    ];

    public static uint Pack(int minutes, EventKind kind, int variant = 0) =>
        ((uint)minutes << 8) | ((uint)kind << 4) | (uint)variant;

    public static EventKind KindOf(uint e) => (EventKind)((e >> 4) & 0xF);

    public static int VariantOf(uint e) => (int)(e & 0xF);

    /// <summary>Event time in simulated unix seconds; a per-event jitter gives the seconds part real-looking values.</summary>
    public static long TimeOf(StoredTracking t, int i) =>
        t.RouteStart + (t.Events[i] >> 8) * 60L + ((t.Seed ^ (uint)(i * 0x9E3779B9)) * 2654435761u >> 26) % 60;

    public static Status StatusOf(EventKind k) => k switch
    {
        EventKind.OutForDelivery => Status.Pickup,
        EventKind.Delivered => Status.Delivered,
        EventKind.AttemptFailed => Status.Undelivered,
        EventKind.Exception => Status.Exception,
        _ => Status.Transit,
    };

    /// <summary>v2 has sub-statuses for transit, delivered and exception only; pickup and undelivered get null.</summary>
    public static string? SubstatusOf(EventKind k, int variant) => k switch
    {
        EventKind.Accepted or EventKind.Dispatched or EventKind.DepartedAirport => TransitSub[0],
        EventKind.OriginHub or EventKind.DestinationHub => TransitSub[1],
        EventKind.DestinationArrived => TransitSub[2],
        EventKind.ArrivedAbroad => TransitSub[3],
        EventKind.Customs => TransitSub[4],
        EventKind.Delivered => DeliveredSub[Math.Clamp(variant, 1, 4) - 1],
        EventKind.Exception => ExceptionSub[Math.Clamp(variant, 1, 11) - 1],
        _ => null,
    };

    /// <summary>The milestone fields of origin_info/destination_info, in the order they are written.</summary>
    public static readonly string[] Milestones =
        ["ItemReceived", "ItemDispatched", "DepartfromAirport", "ArrivalfromAbroad", "CustomsClearance", "DestinationArrived"];

    /// <summary>Which milestone (index into <see cref="Milestones"/>, also the trackinfo ItemNode) an event fills; -1 if none.</summary>
    public static int MilestoneOf(EventKind k) => k switch
    {
        EventKind.Accepted => 0,
        EventKind.Dispatched => 1,
        EventKind.DepartedAirport => 2,
        EventKind.ArrivedAbroad => 3,
        EventKind.Customs => 4,
        EventKind.DestinationArrived => 5,
        _ => -1,
    };

    /// <summary>
    /// Plans a route: minutes from its start for each checkpoint. International routes last ~4–15 days,
    /// domestic ones ~2–6; every outcome is final within ~20 days of the start (stalls expire after 7).
    /// </summary>
    public static uint[] PlanRoute(ref Rng rng, bool international, Outcome outcome)
    {
        if (outcome == Outcome.NotFound) return [];
        var events = new List<uint>(12);
        var m = 0;
        void Step(ref Rng r, int minMinutes, int maxMinutes, EventKind kind, int variant = 0)
        {
            m += r.Next(minMinutes, maxMinutes);
            events.Add(Pack(m, kind, variant));
        }

        events.Add(Pack(0, EventKind.Accepted));
        Step(ref rng, 180, 600, EventKind.OriginHub);
        if (international)
        {
            Step(ref rng, 720, 2880, EventKind.Dispatched);
            Step(ref rng, 360, 1440, EventKind.DepartedAirport);
            Step(ref rng, 2160, 7200, EventKind.ArrivedAbroad);
            Step(ref rng, 360, 2880, EventKind.Customs);
        }
        else
        {
            Step(ref rng, 720, 2880, EventKind.DestinationHub);
        }
        Step(ref rng, 360, 1440, EventKind.DestinationHub);
        Step(ref rng, 360, 2160, EventKind.DestinationArrived);
        Step(ref rng, 240, 720, EventKind.OutForDelivery);

        switch (outcome)
        {
            case Outcome.Delivered:
                Step(ref rng, 60, 480, EventKind.Delivered, rng.Next(1, 5));
                break;
            case Outcome.Undelivered:
                Step(ref rng, 60, 480, EventKind.AttemptFailed);
                if (rng.Chance(0.5))
                {
                    Step(ref rng, 1200, 1600, EventKind.OutForDelivery);
                    Step(ref rng, 60, 480, EventKind.AttemptFailed);
                }
                break;
            case Outcome.Exception:
            {
                // Something goes wrong somewhere after the item left the first hub: the route ends there.
                var cut = rng.Next(2, events.Count);
                var at = (int)(events[cut] >> 8);
                events.RemoveRange(cut, events.Count - cut);
                events.Add(Pack(at, EventKind.Exception, rng.Next(1, 12)));
                break;
            }
            case Outcome.Expired:
            {
                // The carrier stops reporting while the item is in transit.
                var cut = rng.Next(2, events.Count - 2);
                events.RemoveRange(cut, events.Count - cut);
                break;
            }
        }
        return [.. events];
    }

    /// <summary>
    /// True while the carrier has not been asked yet: the service then shows the short record of the create answer
    /// (no origin_info), as api-v2.md "What a freshly created tracking looks like" describes. A status set
    /// through PUT counts as a result.
    /// </summary>
    public static bool AwaitsFirstResult(StoredTracking t, long now) =>
        t.StatusOverride is null && Math.Min(now, t.FrozenAt) < t.CreatedAt + t.FirstQueryDelay;

    /// <summary>
    /// Realtime asks the carrier at once (caller holds the store lock): the pending phase ends now, and a shipment
    /// the carrier knows (one with a route) shows its first checkpoint already — the parcel was handed over before
    /// its number was registered. A tracking frozen by notupdate is left as it is.
    /// </summary>
    public static void AskCarrierNow(StoredTracking t, long now)
    {
        if (!t.TrackUpdate) return;
        var sinceCreation = Math.Max(0, now - t.CreatedAt);
        if (sinceCreation < t.FirstQueryDelay) t.FirstQueryDelay = (int)sinceCreation;
        if (t.Events.Length > 0 && TimeOf(t, 0) > now) t.RouteStart -= TimeOf(t, 0) - now;
    }

    /// <summary>The state at simulated instant <paramref name="now"/> (frozen trackings stop at their freeze time).</summary>
    public static ShipmentState Evaluate(StoredTracking t, long now)
    {
        var at = Math.Min(now, t.FrozenAt);
        var firstQuery = t.CreatedAt + t.FirstQueryDelay;
        ShipmentState s;
        if (at < firstQuery)
        {
            s = new(Status.Pending, null, 0, t.CreatedAt);
        }
        else
        {
            var visible = 0;
            while (visible < t.Events.Length && TimeOf(t, visible) <= at) visible++;
            if (visible == 0)
            {
                s = t.Outcome == Outcome.NotFound && at >= t.CreatedAt + NotFoundExpirySeconds
                    ? new(Status.Expired, null, 0, t.CreatedAt + NotFoundExpirySeconds)
                    : new(Status.NotFound, t.Outcome == Outcome.NotFound ? "notfound002" : "notfound001", 0, firstQuery);
            }
            else
            {
                var last = t.Events[visible - 1];
                var lastAt = TimeOf(t, visible - 1);
                var status = StatusOf(KindOf(last));
                s = !status.IsFinal() && at >= lastAt + StallExpirySeconds
                    ? new(Status.Expired, null, visible, lastAt + StallExpirySeconds)
                    : new(status, SubstatusOf(KindOf(last), VariantOf(last)), visible, Math.Max(lastAt, firstQuery));
            }
        }

        if (t.StatusOverride is { } forced)
            s = s with { Status = forced, Substatus = forced == Status.Delivered ? "delivered001" : "exception005" };
        var edited = t.EditedAt;
        return edited > s.ChangedAt ? s with { ChangedAt = edited } : s;
    }
}
