namespace TrackingMore.Emulator.Tests;

/// <summary>Tracking numbers no seed produces, unique within a run: UPU S10 shape, as every post accepts.</summary>
public static class Numbers
{
    private static int _counter;

    public static string Next(string country = "CN") =>
        $"CT{Interlocked.Increment(ref _counter) + Random.Shared.Next(100_000) * 1000:D9}{country}";

    /// <summary>A create object; the title marker makes the carrier know the number (a route that ends delivered).</summary>
    public static string CreateJson(string number, string carrier = "china-post", string title = "emulator:delivered") =>
        $$"""{"tracking_number":"{{number}}","carrier_code":"{{carrier}}","title":"{{title}}"}""";
}
