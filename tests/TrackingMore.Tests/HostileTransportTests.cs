using System.Linq;
using System.IO;
using System.Net;
using System.Text;
using TrackingMore.Api;
using TrackingMore.Models;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// The client against a hostile server, through the real transport and a stub handler: redaction, redirects, the
/// response size limit, the request path check, paging stop rules and webhook freshness.
/// </summary>
public class HostileTransportTests
{
    private const string Key = "fixture-key-ABCDEF0123456789";

    private static TrackingMoreClient ClientWithKey(Func<HttpRequestMessage, HttpResponseMessage> answer, int retries = 0, int maximumResponseMegabytes = 64) =>
        new(new ConnectionSettings(new Uri("http://127.0.0.1:9/v2"), Fixtures.Key(Key), retries, TimeSpan.FromSeconds(10),
            new Dictionary<EndpointClass, double> { [EndpointClass.List] = 0, [EndpointClass.Realtime] = 0, [EndpointClass.Other] = 0 },
            maximumResponseMegabytes), new HttpMessageInvoker(new Handler(answer)));

    private static HttpResponseMessage Text(HttpStatusCode status, string body, string mediaType = "text/html") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    [Theory]
    [InlineData("fixture-key-ABCDEF0123456789")]
    [InlineData("fixture-key-ABCDEF0123456789 and again: Trackingmore-Api-Key: fixture-key-ABCDEF0123456789")]
    [InlineData("\"Trackingmore-Api-Key\":\"someone-elses-key\"")]
    [InlineData("trackingmore-api-key=fixture%2Dkey")]
    [InlineData("Tracking-Api-Key: someone-elses-key")]
    [InlineData("{\"Tracking-Api-Key\":\"someone-elses-key\"}")]
    public void RedactionMasksTheKeyAndEchoedKeyHeaders(string text)
    {
        var redacted = SecretText.Redact("before " + text + " after", Key, "****6789");
        Assert.DoesNotContain("fixture-key", redacted);
        Assert.DoesNotContain("someone-elses-key", redacted);
        Assert.DoesNotContain("%2Dkey", redacted);
        Assert.Contains("****6789", redacted);
        Assert.StartsWith("before ", redacted);
    }

    [Fact]
    public void CleaningTurnsControlCharactersToSpacesAndDropsInvisibleOnes()
    {
        Assert.Equal("a [2J bc", SecretText.Clean("a\u001b[2J\u0007b\u202e\u200bc"));
        Assert.Equal(203, SecretText.Preview(new string('x', 5000)).Length);
    }

    [Fact]
    public async Task AnEchoedKeyInAProxyPageNeverReachesMessageOrPreview()
    {
        var page = "<html><pre>GET /v2/trackings/get\nTrackingmore-Api-Key: " + Key + "\n</pre></html>";
        var client = ClientWithKey(_ => Text(HttpStatusCode.BadGateway, page));
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.ListTrackingsAsync(new TrackingListQuery(), CallContext.None));
        Assert.Equal("TrackingMore.ServerError", failure.ErrorId);
        Assert.Contains("Trackingmore-Api-Key: ****", failure.BodyPreview);
        Assert.DoesNotContain(Key, failure.Message);
        Assert.DoesNotContain(Key, failure.BodyPreview);
    }

    [Fact]
    public async Task AKeyInMetaMessageIsMaskedInEveryText()
    {
        var client = ClientWithKey(_ => Text(HttpStatusCode.OK,
            "{\"meta\":{\"code\":4012,\"type\":\"Bad " + Key + "\",\"message\":\"no such key " + Key + "\\u001b[31m\"},\"data\":[]}", "application/json"));
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.GetAccountAsync(CallContext.None));
        Assert.Equal("TrackingMore.InvalidArgument", failure.ErrorId);
        foreach (var text in new[] { failure.Message, failure.ApiMessage!, failure.ApiType! })
        {
            Assert.DoesNotContain(Key, text);
            Assert.DoesNotContain('\u001b', text);
        }
    }

    [Fact]
    public async Task AKeySplitByThePreviewsCutIsStillMaskedWhole()
    {
        // The key starts right where a 200-character preview would end.
        var page = new string('-', 195) + Key + new string('-', 100);
        var client = ClientWithKey(_ => Text(HttpStatusCode.BadGateway, page));
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.GetAccountAsync(CallContext.None));
        Assert.DoesNotContain("fixtu", failure.BodyPreview);
    }

    [Theory]
    [InlineData(HttpStatusCode.MovedPermanently)]
    [InlineData(HttpStatusCode.Found)]
    [InlineData(HttpStatusCode.TemporaryRedirect)]
    [InlineData((HttpStatusCode)308)]
    public async Task RedirectsAreErrorsNamingStatusAndHost(HttpStatusCode status)
    {
        var seen = 0;
        var client = ClientWithKey(_ =>
        {
            seen++;
            var answer = new HttpResponseMessage(status);
            answer.Headers.Location = new Uri("http://203.0.113.9:8080/v2/trackings/post?k=" + Key);
            return answer;
        }, retries: 3);
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() =>
            client.CreateTrackingAsync(new NewTrackingRequest("RR050349575PH", "phlpost"), CallContext.None));
        Assert.Equal("TrackingMore.Redirected", failure.ErrorId);
        Assert.Contains("HTTP " + (int)status, failure.Message);
        Assert.Contains("203.0.113.9:8080", failure.Message);
        Assert.DoesNotContain(Key, failure.Message);
        Assert.Equal(1, seen);
    }

    [Fact]
    public async Task ADeclaredContentLengthOverTheLimitFailsBeforeReading()
    {
        var client = ClientWithKey(_ =>
        {
            var answer = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[10]) };
            answer.Content.Headers.ContentLength = 2_000_000_000;
            return answer;
        });
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.GetAccountAsync(CallContext.None));
        Assert.Equal("TrackingMore.ResponseTooLarge", failure.ErrorId);
        Assert.Contains("declared a body of 2000000000 bytes", failure.Message);
    }

    [Fact]
    public async Task ABodyOverTheLimitFailsWhileReading()
    {
        var client = ClientWithKey(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new EndlessStream()) }, maximumResponseMegabytes: 1);
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.GetAccountAsync(CallContext.None));
        Assert.Equal("TrackingMore.ResponseTooLarge", failure.ErrorId);
        Assert.Contains("more than the limit of 1048576 bytes", failure.Message);
    }

    // The client is used without PowerShell too: its texts say what happened, the cmdlet layer says which parameter helps.
    [Fact]
    public async Task FailureTextsNameNoCmdletOrParameter()
    {
        var failures = new List<TrackingMoreApiException>
        {
            await Assert.ThrowsAsync<TrackingMoreApiException>(() =>
                ClientWithKey(_ => throw new TaskCanceledException("timed out")).GetAccountAsync(CallContext.None)),
            await Assert.ThrowsAsync<TrackingMoreApiException>(() =>
                ClientWithKey(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new EndlessStream()) }, maximumResponseMegabytes: 1)
                    .GetAccountAsync(CallContext.None)),
            await Assert.ThrowsAsync<TrackingMoreApiException>(() => ClientWithKey(_ =>
            {
                var answer = new HttpResponseMessage(HttpStatusCode.Found);
                answer.Headers.Location = new Uri("http://203.0.113.9/v2/");
                return answer;
            }).GetAccountAsync(CallContext.None)),
        };

        Assert.Equal(new[] { FailureReason.Timeout, FailureReason.ResponseTooLarge, FailureReason.Redirected }, failures.Select(f => f.Reason));
        Assert.All(failures, failure => Assert.DoesNotMatch(@"Connect-TrackingMore|\s-[A-Z][A-Za-z]+", failure.Message));
        Assert.Contains("within 10 s", failures[0].Message);
        Assert.Contains("the connection's limit, 1 MB", failures[1].Message);
    }

    [Fact]
    public async Task ABodyOfExactlyTheLimitIsRead()
    {
        var envelope = "{\"meta\":{\"code\":200},\"data\":{\"email\":\"a@b.c\",\"padding\":\"";
        var body = envelope + new string(' ', 1024 * 1024 - envelope.Length - 3) + "\"}}";
        Assert.Equal(1024 * 1024, Encoding.UTF8.GetByteCount(body));
        var client = ClientWithKey(_ => Text(HttpStatusCode.OK, body, "application/json"), maximumResponseMegabytes: 1);
        Assert.Equal("a@b.c", (await client.GetAccountAsync(CallContext.None)).Email);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task APathThatWouldLeaveItsEndpointIsRefusedBeforeSending(string number)
    {
        var seen = 0;
        var client = ClientWithKey(_ =>
        {
            seen++;
            return Text(HttpStatusCode.OK, "{\"meta\":{\"code\":200},\"data\":[]}", "application/json");
        });
        await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteTrackingAsync(new TrackingIdentity(number, "ups"), CallContext.None));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTrackingAsync(new TrackingIdentity("RR1", "ups"), "..", CallContext.None));
        Assert.Equal(0, seen);
    }

    [Fact]
    public void WebhookTimesAreUnixSecondsOrMilliseconds()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1717171717), WebhookFreshness.SignedAt("1717171717"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1717171717123), WebhookFreshness.SignedAt("1717171717123"));
        foreach (var notATime in new[] { null, "", "x", "1", "17171717x7", "-717171717", "１７１７１７１７１７" })
            Assert.Null(WebhookFreshness.SignedAt(notATime));
    }

    [Fact]
    public void AWebhookCallIsAcceptedOnceWithinItsAge()
    {
        var now = DateTimeOffset.UtcNow;
        var timeStr = now.AddSeconds(-10).ToUnixTimeSeconds().ToString();
        var mac = Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray();
        var number = "RR" + Guid.NewGuid().ToString("N").Substring(0, 9) + "CN";
        Assert.Equal(WebhookFreshnessStatus.Fresh, WebhookFreshness.Accept(timeStr, mac, number, "china-post", TimeSpan.FromMinutes(5), now));
        Assert.Equal(WebhookFreshnessStatus.Replayed, WebhookFreshness.Accept(timeStr, mac, number, "china-post", TimeSpan.FromMinutes(5), now.AddMinutes(1)));
        Assert.Equal(WebhookFreshnessStatus.Replayed, WebhookFreshness.Accept(timeStr, mac, " " + number.ToLowerInvariant() + " ", "China-Post ", TimeSpan.FromMinutes(5), now));
        Assert.Equal(WebhookFreshnessStatus.Stale, WebhookFreshness.Accept(timeStr, mac, number, "china-post", TimeSpan.FromMinutes(5), now.AddMinutes(6)));
        Assert.Equal(WebhookFreshnessStatus.Fresh, WebhookFreshness.Accept(timeStr, mac, number + "9", "china-post", TimeSpan.FromMinutes(5), now));
        Assert.Equal(WebhookFreshnessStatus.NotATime, WebhookFreshness.Accept("x", mac, number, "china-post", TimeSpan.FromMinutes(5), now));
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookFreshness.Accept(timeStr, mac, number, "china-post", TimeSpan.MaxValue, now));
    }

    [Fact]
    public void ASignatureIsTheSameWhateverTheCaseOfItsHex()
    {
        var lower = new string('a', 62) + "0f";
        Assert.Equal(WebhookSignature.Decode(lower), WebhookSignature.Decode(lower.ToUpperInvariant()));
        Assert.Null(WebhookSignature.Decode(lower.Substring(2) + "zz"));
    }

    [Fact]
    public void AReplayStoreKeepsCallsAcrossReadsAndRefusesAFileItDidNotWrite()
    {
        var path = Path.Combine(Path.GetTempPath(), "tm-replay-" + Guid.NewGuid().ToString("N"));
        try
        {
            var now = DateTimeOffset.UtcNow;
            var timeStr = now.AddSeconds(-5).ToUnixTimeSeconds().ToString();
            var mac = new byte[32];
            Assert.Equal(WebhookFreshnessStatus.Fresh, WebhookFreshness.Accept(timeStr, mac, "RR1", "dhl", TimeSpan.FromMinutes(5), now, path));
            Assert.Equal(WebhookFreshnessStatus.Replayed, WebhookFreshness.Accept(timeStr, mac, "RR1", "dhl", TimeSpan.FromMinutes(5), now, path));
            // The store, not this process's memory, knew it: the in-memory guard has not seen this call.
            Assert.Equal(WebhookFreshnessStatus.Fresh, WebhookFreshness.Accept(timeStr, mac, "RR1", "dhl", TimeSpan.FromMinutes(5), now));
            Assert.Equal(4 + 4 + 8 + 8 + 40, new FileInfo(path).Length);
            File.WriteAllText(path, "not a store");
            Assert.Throws<IOException>(() => WebhookFreshness.Accept(timeStr, mac, "RR2", "dhl", TimeSpan.FromMinutes(5), now, path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class Handler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }

    /// <summary>A body that never ends: what an endless or bomb-like answer looks like to the reader.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
