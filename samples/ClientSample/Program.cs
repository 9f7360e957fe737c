// Creates shipments and lists the account with TrackingMore.Client alone, the way a .NET service would.
//   TRACKINGMORE_API_KEY=... dotnet run --project samples/ClientSample -- <base URI> <carrier code> <tracking number>...
// Prints one line per shipment sent (created, or why not), then the account's trackings by status.
using System.Security;
using TrackingMore.Api;
using TrackingMore.Models;

if (args.Length < 3)
{
    Console.Error.WriteLine("Usage: ClientSample <base URI> <carrier code> <tracking number>... (the key in $TRACKINGMORE_API_KEY)");
    return 2;
}
var key = Environment.GetEnvironmentVariable("TRACKINGMORE_API_KEY");
if (string.IsNullOrEmpty(key))
{
    Console.Error.WriteLine("Set TRACKINGMORE_API_KEY to the account's API key.");
    return 2;
}

using var secureKey = new SecureString();
foreach (var c in key) secureKey.AppendChar(c);
var settings = new ConnectionSettings(new Uri(args[0]), secureKey, maximumRetryCount: 3, timeout: TimeSpan.FromSeconds(100));
// A service brings its own handler (here: connections renewed every few minutes, so DNS changes are seen). It must
// not follow redirects, which would carry the key elsewhere: the client refuses one that does. The program holds the
// client by its interface, as the module's cmdlets do.
using var handler = new SocketsHttpHandler
{
    AllowAutoRedirect = false,
    AutomaticDecompression = System.Net.DecompressionMethods.All,
    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
};
ITrackingMoreClient client = new TrackingMoreClient(settings, handler);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
var call = new CallContext(stop.Token);

try
{
    // One outcome per shipment, in the order sent: created, refused (e.g. AlreadyExists: already followed), or unknown.
    var requests = args.Skip(2).Select(number => new NewTrackingRequest(number, args[1])).ToList();
    foreach (var batch in requests.Chunk(client.Capabilities.BatchSize))
    {
        foreach (var outcome in await client.CreateTrackingsAsync(batch, call))
        {
            Console.WriteLine(outcome.IsDone
                ? $"created {outcome.Request}"
                : $"not created {outcome.Request}: {outcome.Failure!.ErrorId} {outcome.Failure.ApiMessage ?? outcome.Failure.Message}");
        }
    }

    // Every page, at the list's rate limit, without repeats; the snapshot is pinned to when the listing began.
    var byStatus = new SortedDictionary<string, int>();
    await foreach (var page in client.ListAllAsync(new TrackingListQuery { Limit = client.Capabilities.MaxPageSize }, call))
    {
        foreach (var tracking in page.Items)
        {
            var status = tracking.Status.ToString();
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
        }
    }
    foreach (var (status, count) in byStatus) Console.WriteLine($"{status}: {count}");
    return 0;
}
catch (TrackingMoreApiException failure)
{
    // Only a refused key or a failed listing ends the run; the message never holds the key.
    Console.Error.WriteLine(failure.ErrorId + ": " + failure.Message);
    return 1;
}
