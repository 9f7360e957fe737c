using System.Net;
using TrackingMore.Api;
using TrackingMore.Dialects.V2;
using TrackingMore.Models;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// The dialect seam: capabilities come from the connection's version, an operation the version lacks is refused
/// before anything is sent, and the key is masked under every version's header.
/// </summary>
public class DialectTests
{
    /// <summary>v2 with one operation withheld: what a version lacking it looks like to the client.</summary>
    private sealed class V2Without(ApiOperation missing) : V2Dialect
    {
        public override ApiCapabilities Capabilities { get; } = Instance.Capabilities.Without(missing);
    }

    private static (TrackingMoreClient Client, List<HttpRequestMessage> Seen) ClientWithout(ApiOperation missing)
    {
        var seen = new List<HttpRequestMessage>();
        var client = new TrackingMoreClient(Fixtures.Settings(key: "fixture-key-" + Guid.NewGuid().ToString("N")),
            new HttpMessageInvoker(new Recording(seen)), clock: null, dialect: new V2Without(missing));
        return (client, seen);
    }

    public static TheoryData<ApiOperation, Func<ITrackingMoreClient, CallContext, Task>> Calls => new()
    {
        { ApiOperation.GetStatusCount, (client, call) => client.GetStatusCountAsync(new TrackingCountQuery(), call) },
        { ApiOperation.CreateTrackings, (client, call) => client.CreateTrackingsAsync(new[] { new NewTrackingRequest("LX123456789CN", "china-post"), new NewTrackingRequest("LX223456789CN", "china-post") }, call) },
        { ApiOperation.CreateTracking, (client, call) => client.CreateTrackingsAsync(new[] { new NewTrackingRequest("LX123456789CN", "china-post") }, call, singleForOne: true) },
        { ApiOperation.ListTrackings, (client, call) => client.FindTrackingsAsync(new[] { "LX123456789CN" }, null, call) },
        { ApiOperation.ListTrackings, (client, call) => client.ListAllAsync(new TrackingListQuery(), call).GetAsyncEnumerator().MoveNextAsync().AsTask() },
        { ApiOperation.GetAirWaybills, (client, call) => client.GetAirWaybillsAsync(new[] { "784-12345675" }, null, call) },
        // A bulk form withheld where the single form is offered sends the items one a request (V4DialectTests); stopping
        // updates has no single form, so without its bulk form it is refused.
        { ApiOperation.StopUpdating, (client, call) => client.StopUpdatingAsync(new[] { new TrackingIdentity("LX123456789CN", "china-post") }, call) },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task AnOperationTheVersionLacksIsRefusedBeforeAnythingIsSent(ApiOperation missing, Func<ITrackingMoreClient, CallContext, Task> call)
    {
        var (client, seen) = ClientWithout(missing);
        Assert.False(client.Capabilities.Supports(missing));

        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => call(client, new CallContext(CancellationToken.None)));

        Assert.Equal(FailureReason.NotSupported, failure.Reason);
        Assert.True(failure.IsOperationMissing);
        Assert.Equal("TrackingMore.NotSupported", failure.ErrorId);
        Assert.Contains("API version V2 does not offer " + missing, failure.Message);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task TheOperationsTheVersionOffersStillGo()
    {
        var (client, seen) = ClientWithout(ApiOperation.GetStatusCount);
        await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.GetAccountAsync(new CallContext(CancellationToken.None)));
        Assert.Single(seen); // sent, and answered with something that is no envelope
    }

    [Fact]
    public void CapabilitiesComeFromTheSettingsVersion()
    {
        var settings = Fixtures.Settings();
        var client = new TrackingMoreClient(settings);
        var connection = new TrackingMoreConnection(settings, "Parameter", DateTimeOffset.Now);

        Assert.Equal(ApiVersion.V2, settings.ApiVersion);
        Assert.Same(ApiCapabilities.Of(ApiVersion.V2), client.Capabilities);
        Assert.Same(client.Capabilities, connection.Capabilities);
        Assert.Equal(ApiVersion.V2, connection.ApiVersion);
        Assert.Equal(40, client.Capabilities.BatchSize);
        Assert.Equal(2000, client.Capabilities.MaxPageSize);
        Assert.Equal(40, client.Capabilities.MaxListValues);
        Assert.Equal(1, client.Capabilities.RateLimitOf(EndpointClass.List));
        Assert.Equal(Enum.GetValues<ApiOperation>(), client.Capabilities.Operations);
        Assert.Equal(new Uri("https://api.trackingmore.com/v2/"), ConnectionSettings.PublicBaseUriOf(ApiVersion.V2));
    }

    [Fact]
    public async Task ABatchLargerThanTheVersionAllowsIsRefusedBeforeSending()
    {
        var (client, seen) = ClientWithout(ApiOperation.GetStatusCount);
        var items = Enumerable.Range(0, client.Capabilities.BatchSize + 1).Select(i => new TrackingIdentity("LX" + i.ToString("D9") + "CN", "china-post")).ToArray();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.DeleteTrackingsAsync(items, new CallContext(CancellationToken.None)));
        var page = new TrackingListQuery { Limit = client.Capabilities.MaxPageSize + 1 };
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ListTrackingsAsync(page, new CallContext(CancellationToken.None)));
        Assert.Empty(seen);
    }

    [Theory]
    [InlineData("Tracking-Api-Key: {0}")]
    [InlineData("Trackingmore-Api-Key: {0}")]
    [InlineData("tracking-api-key=other-key-ABCDEF")]
    public void TheConnectionMasksTheKeyUnderEveryVersionsHeader(string echo)
    {
        const string key = "fixture-key-ABCDEF0123456789";
        var settings = new ConnectionSettings(new Uri("http://127.0.0.1:9/v2"), Fixtures.Key(key), 0, TimeSpan.FromSeconds(10));
        var redacted = settings.Redact("proxy said: " + string.Format(echo, key) + " end");
        Assert.DoesNotContain(key, redacted);
        Assert.DoesNotContain("other-key", redacted);
        Assert.Contains(settings.MaskedKey, redacted);
        Assert.EndsWith(" end", redacted);
    }

    private sealed class Recording(List<HttpRequestMessage> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen) seen.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("not an envelope") });
        }
    }
}
