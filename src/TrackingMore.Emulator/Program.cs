using System.Diagnostics;
using TrackingMore.Emulator;

// Offline emulator of the TrackingMore v2 and v4 APIs (one account behind both). See README.md beside this file.

var options = EmulatorOptions.Parse(args, out var error);
if (options is null)
{
    if (error == "")
    {
        Console.Out.Write(EmulatorOptions.Usage);
        return 0;
    }
    Console.Error.WriteLine($"error: {error}");
    Console.Error.Write(EmulatorOptions.Usage);
    return 2;
}

var clock = new SimClock(options.TimeScale, options.ClockOffsetSeconds);
var store = new TrackingStore();
var seeding = Stopwatch.StartNew();
store.AddRange(Seeder.Create(options.Seed, options.RandomSeed, clock.NowUnixSeconds));
if (options.Seed > 0)
    Console.Error.WriteLine($"Seeded {store.Count} trackings in {seeding.ElapsedMilliseconds} ms");

// Compile the rendering path now rather than inside the first client request (which a benchmark would time).
await using (var warmUp = new System.Text.Json.Utf8JsonWriter(Stream.Null))
{
    warmUp.WriteStartArray();
    foreach (var t in store.Page(null, 1, 20, out _)) TrackingJson.WriteFull(warmUp, t, clock.NowUnixSeconds);
    warmUp.WriteEndArray();
}

const long AccountAgeSeconds = 400L * 86400;
var state = new EmulatorState(options, clock, store,
    new Accounts(options.ApiKeys, options.Quota, clock.NowUnixSeconds - AccountAgeSeconds));

// Our arguments are not ASP.NET configuration; logging is off so stdout carries only the "Listening" line
// (and the request lines of --log), which tools parse.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    state.Listeners.Configure(k, options);
});

var app = builder.Build();
var v2 = new V2Api(state);
var v4 = new V4Api(state);
var hooks = new Hooks(state);
app.Map("/v2", branch => branch.Run(v2.HandleAsync));
app.Map("/v4", branch => branch.Run(v4.HandleAsync));
app.Map("/_emulator", branch => branch.Run(hooks.HandleAsync));
app.Run(http =>
{
    http.Response.StatusCode = 404;
    return http.Response.WriteAsync("Not found: the API is under /v2 and /v4, the test hooks under /_emulator.\n");
});

await app.StartAsync();
state.Listeners.Started();
Console.Out.WriteLine($"Listening on {state.Listeners.BaseUri}");
Console.Out.Flush();

// Ctrl+C and SIGTERM end this wait; the host then stops gracefully and we exit 0.
await app.WaitForShutdownAsync();
return 0;
