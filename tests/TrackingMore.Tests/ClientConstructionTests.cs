using System.Net;
using TrackingMore.Api;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// The client built by a caller with a handler of its own (the public constructor), as a program without the module
/// would: handlers that follow redirects are refused, and a call goes through the handler and the real transport.
/// </summary>
public class ClientConstructionTests
{
    private static readonly ConnectionSettings Settings = Fixtures.Settings(key: "construction-key-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, Func<HttpMessageHandler>> RedirectFollowers => new()
    {
        { "HttpClientHandler as made", () => new HttpClientHandler() },
        { "SocketsHttpHandler as made", () => new SocketsHttpHandler() },
        { "SocketsHttpHandler inside two DelegatingHandlers", () => new PassOn(new PassOn(new SocketsHttpHandler())) },
        { "HttpClientHandler inside a DelegatingHandler", () => new PassOn(new HttpClientHandler { AllowAutoRedirect = true }) },
    };

    [Theory]
    [MemberData(nameof(RedirectFollowers))]
    public void RefusesAHandlerThatFollowsRedirects(string _, Func<HttpMessageHandler> handler)
    {
        using var given = handler();
        var refusal = Assert.Throws<ArgumentException>(() => new TrackingMoreClient(Settings, given));
        Assert.Equal("handler", refusal.ParamName);
        Assert.Contains("AllowAutoRedirect is true", refusal.Message);
        Assert.Contains("redirect", refusal.Message);
    }

    [Fact]
    public void RefusesAChainWithoutAnInnerHandler()
    {
        using var chain = new PassOn(new PassOn(null));
        var refusal = Assert.Throws<ArgumentException>(() => new TrackingMoreClient(Settings, chain));
        Assert.Contains("no InnerHandler", refusal.Message);
    }

    [Fact]
    public void AcceptsPlatformHandlersWithRedirectsOff()
    {
        using var sockets = new PassOn(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var classic = new HttpClientHandler { AllowAutoRedirect = false };
        Assert.NotNull(new TrackingMoreClient(Settings, sockets));
        Assert.NotNull(new TrackingMoreClient(Settings, classic));
    }

    [Fact]
    public async Task CallsThroughTheGivenHandlerWithTheKeyAndReadsTheAnswer()
    {
        var seen = new List<HttpRequestMessage>();
        using var handler = new PassOn(new Answering(request =>
        {
            seen.Add(request);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Fixtures.Bytes("userinfo-sample.json")) };
        }));
        ITrackingMoreClient client = new TrackingMoreClient(Settings, handler);

        var account = await client.GetAccountAsync(CallContext.None);

        var request = Assert.Single(seen);
        Assert.Equal("http://127.0.0.1:9/v2/trackings/getuserinfo", request.RequestUri!.AbsoluteUri);
        Assert.Equal(Settings.RevealKeyForHeader(), Assert.Single(request.Headers.GetValues("Trackingmore-Api-Key")));
        Assert.NotNull(account.Email);
    }

    [Fact]
    public async Task ARedirectThroughTheGivenHandlerIsAnErrorNotFollowed()
    {
        var calls = 0;
        using var handler = new Answering(_ =>
        {
            calls++;
            var moved = new HttpResponseMessage(HttpStatusCode.Found);
            moved.Headers.Location = new Uri("https://elsewhere.example/v2/trackings/getuserinfo");
            return moved;
        });
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => new TrackingMoreClient(Settings, handler).GetAccountAsync(CallContext.None));
        Assert.Equal(FailureReason.Redirected, failure.Reason);
        Assert.Equal(1, calls);
    }

    private sealed class PassOn : DelegatingHandler
    {
        public PassOn(HttpMessageHandler? inner)
        {
            if (inner != null) InnerHandler = inner;
        }
    }

    private sealed class Answering(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
