using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TrackingMore.Api;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>Which failures are retried, how often, after what wait; and how the rate gate spaces request starts.</summary>
public class RetryAndGateTests
{
    private static readonly byte[] EmptyPage = Encoding.UTF8.GetBytes("{\"meta\":{\"code\":200},\"data\":{\"page\":1,\"limit\":100,\"total\":\"0\",\"items\":[]}}");

    private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new ByteArrayContent(EmptyPage) };

    /// <summary>Answers from a script, one response per request in order; the last repeats.</summary>
    private static (TrackingMoreClient Client, List<HttpRequestMessage> Seen) Scripted(int retries, params Func<HttpResponseMessage>[] script)
    {
        var seen = new List<HttpRequestMessage>();
        var client = Fixtures.Client(_ => script[Math.Min(seen.Count - 1, script.Length - 1)](), seen, retries);
        return (client, seen);
    }

    [Fact]
    public async Task MetaRateLimitIsRetriedAndReportedInVerbose()
    {
        var (client, seen) = Scripted(3, () => Json("{\"meta\":{\"code\":429,\"type\":\"Too Many Requests\",\"message\":\"Exceeded API limits.\"},\"data\":[]}"), Ok);
        var messages = new List<string>();
        var call = new CallContext(CancellationToken.None, m => { lock (messages) messages.Add(m); });

        var page = await client.ListTrackingsAsync(new TrackingListQuery(), call);

        Assert.Empty(page.Items);
        Assert.Equal(2, seen.Count);
        Assert.Contains(messages, m => m.Contains("Retry 1 of 3", StringComparison.Ordinal) && m.Contains("429", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData((HttpStatusCode)429)]
    public async Task TransientHttpStatusesAreRetried(HttpStatusCode status)
    {
        var (client, seen) = Scripted(2, () => new HttpResponseMessage(status) { Content = new StringContent("<html>busy</html>"), Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero) } }, Ok);
        await client.ListTrackingsAsync(new TrackingListQuery(), CallContext.None);
        Assert.Equal(2, seen.Count);
    }

    [Theory]
    [InlineData(4001)]
    [InlineData(4016)]
    [InlineData(4017)]
    [InlineData(500)]
    public async Task PermanentFailuresAreNotRetried(int code)
    {
        var (client, seen) = Scripted(3, () => Json("{\"meta\":{\"code\":" + code + ",\"type\":\"x\",\"message\":\"no\"},\"data\":[]}"));
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.ListTrackingsAsync(new TrackingListQuery(), CallContext.None));
        Assert.Equal(code, failure.ApiCode);
        Assert.Single(seen);
    }

    [Fact]
    public async Task RetriesAreBoundedAndTheLastFailureSurfaces()
    {
        var (client, seen) = Scripted(2, () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Content = new StringContent("<html><h1>503 Service Unavailable</h1></html>"),
            Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero) },
        });
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.ListTrackingsAsync(new TrackingListQuery(), CallContext.None));
        Assert.Equal(3, seen.Count);
        Assert.Equal(FailureReason.ServerError, failure.Reason);
        Assert.Equal("TrackingMore.ServerError", failure.ErrorId);
        Assert.Contains("503", failure.Message);
        Assert.Contains("<html><h1>503 Service Unavailable", failure.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RetryAfterIsHonouredInSecondsAndAsHttpDate(bool asDate)
    {
        var (client, seen) = Scripted(1, () =>
        {
            var answer = Json("{\"meta\":{\"code\":429,\"type\":\"Too Many Requests\",\"message\":\"slow down\"},\"data\":[]}");
            answer.Headers.RetryAfter = asDate
                ? new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(2))
                : new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
            return answer;
        }, Ok);
        var messages = new List<string>();
        await client.ListTrackingsAsync(new TrackingListQuery(), new CallContext(CancellationToken.None, messages.Add));
        Assert.Equal(2, seen.Count);
        var wait = Assert.Single(messages, m => m.Contains("Retry 1 of 1", StringComparison.Ordinal));
        // The server's wait, not the 1 s first back-off (an HTTP date has one-second resolution).
        Assert.Matches(asDate ? @"in (1\.[0-9]|2\.0) s" : @"in 2\.0 s", wait);
    }

    [Fact]
    public async Task CancellationEndsABackOffAtOnce()
    {
        // Simulated time that never moves on by itself: the 30 s the server asks for can only end by cancellation.
        var clock = new FakeClock { AutoAdvance = false };
        var seen = new List<HttpRequestMessage>();
        var client = Fixtures.Client(_ =>
        {
            var answer = Json("{\"meta\":{\"code\":429,\"type\":\"Too Many Requests\",\"message\":\"slow down\"},\"data\":[]}");
            answer.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return answer;
        }, seen, retries: 3, clock: clock);
        using var stop = new CancellationTokenSource();
        var listing = client.ListTrackingsAsync(new TrackingListQuery(), new CallContext(stop.Token));
        await WhenWaiting(clock, 1);
        Assert.Contains(TimeSpan.FromSeconds(30), clock.Delays);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
        Assert.Single(seen);
    }

    [Fact]
    public async Task GateSpacesRequestStartsByItsWindow()
    {
        var clock = new FakeClock();
        var gate = new RateGate(1, TimeSpan.FromMilliseconds(200), clock);
        var starts = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var slot = await gate.WaitAsync(CancellationToken.None);
            starts.Add(clock.Elapsed);
            gate.Settle(slot);
        }
        Assert.Equal(new[] { 0, 200, 400, 600 }, starts.Select(start => (int)start.TotalMilliseconds));
    }

    [Fact]
    public async Task GateWithThreePermitsLetsThreeStartTogetherThenWaits()
    {
        var clock = new FakeClock();
        var gate = new RateGate(3, TimeSpan.FromMilliseconds(300), clock);
        var starts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var slot = await gate.WaitAsync(CancellationToken.None);
            var started = clock.Elapsed;
            gate.Settle(slot);
            return started;
        }));
        Array.Sort(starts);
        // Any window of 300 ms holds at most three starts.
        for (var i = 3; i < starts.Length; i++)
            Assert.True(starts[i] - starts[i - 3] >= TimeSpan.FromMilliseconds(300), "window " + (starts[i] - starts[i - 3]));
        Assert.Equal(TimeSpan.Zero, starts[2]);
    }

    [Fact]
    public async Task FirstRequestThroughAColdGateGoesAlone()
    {
        var clock = new FakeClock();
        var gate = new RateGate(3, TimeSpan.FromMilliseconds(100), clock);
        var first = await gate.WaitAsync(CancellationToken.None);
        var second = gate.WaitAsync(CancellationToken.None);
        // However long the first request's answer takes, nothing else starts before it is in.
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(second.IsCompleted, "a second request started while the first one through the cold gate was still out");
        gate.Settle(first);
        gate.Settle(await second.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ColdGateWaitIsCancellable()
    {
        var gate = new RateGate(1, TimeSpan.FromMilliseconds(100));
        await gate.WaitAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var waiting = gate.WaitAsync(stop.Token);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task HoldBackDelaysCallersAlreadyWaiting()
    {
        var clock = new FakeClock { AutoAdvance = false };
        var gate = new RateGate(1, TimeSpan.FromMilliseconds(50), clock);
        gate.Settle(await gate.WaitAsync(CancellationToken.None));
        // This caller reserved its slot (50 ms away) before the rate-limit answer to another runspace came in.
        var waiting = gate.WaitAsync(CancellationToken.None);
        gate.HoldBack(TimeSpan.FromMilliseconds(600));
        clock.Advance(TimeSpan.FromMilliseconds(50));
        await WhenWaiting(clock, 2);
        Assert.False(waiting.IsCompleted, "started when its slot came, through the hold-back");
        clock.Advance(TimeSpan.FromMilliseconds(550));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(600, (int)clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Until the gate has asked the clock for its <paramref name="count"/>th delay (its continuations run on the pool).</summary>
    private static async Task WhenWaiting(FakeClock clock, int count)
    {
        for (var spins = 0; spins < 1000; spins++)
        {
            if (clock.DelayCount >= count) return;
            await Task.Delay(5);
        }
        throw new Xunit.Sdk.XunitException("The gate asked for " + clock.DelayCount + " delays, not " + count + ".");
    }

    [Fact]
    public void GatesAreSharedPerAccountClassAndRate()
    {
        Assert.Same(RateGate.For("a", EndpointClass.List, 1), RateGate.For("a", EndpointClass.List, 1));
        Assert.NotSame(RateGate.For("a", EndpointClass.List, 1), RateGate.For("b", EndpointClass.List, 1));
        Assert.NotSame(RateGate.For("a", EndpointClass.List, 1), RateGate.For("a", EndpointClass.Realtime, 1));
        Assert.Equal(3, RateGate.For("a", EndpointClass.Realtime, 3).Permits);
        Assert.Same(RateGate.Unlimited, RateGate.For("a", EndpointClass.List, 0));
        // Half a request per second: one start every two seconds (plus the arrival margin).
        Assert.Equal(1, RateGate.For("a", EndpointClass.Other, 0.5).Permits);
        Assert.InRange(RateGate.For("a", EndpointClass.Other, 0.5).Window.TotalMilliseconds, 2000, 2100);
    }
}
