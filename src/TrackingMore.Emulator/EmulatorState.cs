namespace TrackingMore.Emulator;

/// <summary>Everything the endpoints share, built once at start-up.</summary>
internal sealed class EmulatorState(EmulatorOptions options, SimClock clock, TrackingStore store, Accounts accounts)
{
    public EmulatorOptions Options { get; } = options;
    public SimClock Clock { get; } = clock;
    public TrackingStore Store { get; } = store;
    public Accounts Accounts { get; } = accounts;
    public Faults Faults { get; } = new(options.SecondListener);
    public Listeners Listeners { get; } = new();
    public RequestLog Log { get; } = new();
}
