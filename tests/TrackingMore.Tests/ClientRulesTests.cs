using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using TrackingMore.Api;
using TrackingMore.Models;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// The API semantics the client owns, against a scripted handler and simulated time: bulk answers matched to what
/// was sent, what a lost answer means for each endpoint, look-up by number, and the listing's snapshot and pace.
/// </summary>
public class ClientRulesTests
{
    private readonly FakeClock _clock = new();
    private readonly List<string> _verbose = new();
    private readonly List<(TimeSpan At, string Request)> _sent = new();

    private CallContext Call => new(CancellationToken.None, message => { lock (_verbose) _verbose.Add(message); });

    /// <summary>A client whose handler answers with <paramref name="answer"/>; each request is logged with the simulated time it left at.</summary>
    private TrackingMoreClient Client(Func<HttpRequestMessage, int, HttpResponseMessage> answer, int retries = 0) =>
        Fixtures.Client(request =>
        {
            int index;
            lock (_sent)
            {
                index = _sent.Count;
                _sent.Add((_clock.Elapsed, request.Method + " " + request.RequestUri!.PathAndQuery + " " + request.Content?.ReadAsStringAsync().Result));
            }
            return answer(request, index);
        }, retries: retries, clock: _clock);

    private static HttpResponseMessage Data(string json) =>
        new(HttpStatusCode.OK) { Content = new ByteArrayContent(Fixtures.Envelope(json)) };

    private static HttpResponseMessage Meta(int code, string message) =>
        new(HttpStatusCode.OK) { Content = new StringContent("{\"meta\":{\"code\":" + code + ",\"type\":\"Bad Request\",\"message\":\"" + message + "\"},\"data\":[]}", Encoding.UTF8, "application/json") };

    /// <summary>The connection drops after the request went out: the service may have done the work.</summary>
    private static HttpResponseMessage Dropped() => throw new HttpRequestException("The response ended prematurely.");

    private static string Tracking(string number, string carrier = "dhl") =>
        "{\"id\":\"id-" + number + "\",\"tracking_number\":\"" + number + "\",\"carrier_code\":\"" + carrier + "\",\"status\":\"pending\"}";

    private static string Bulk(string trackings, string errors = "") => "{\"trackings\":[" + trackings + "],\"errors\":[" + errors + "]}";

    private static string ItemError(string number, int code, string carrier = "dhl") =>
        "{\"tracking_number\":\"" + number + "\",\"carrier_code\":\"" + carrier + "\",\"code\":" + code + ",\"message\":\"item " + code + "\"}";

    private static string Page(params string[] trackings) => "{\"page\":1,\"limit\":2000,\"total\":\"" + trackings.Length + "\",\"items\":[" + string.Join(",", trackings) + "]}";

    private static NewTrackingRequest[] New(params string[] numbers) => numbers.Select(n => new NewTrackingRequest(n, "dhl")).ToArray();

    private static TrackingIdentity[] Identities(params string[] numbers) => numbers.Select(n => new TrackingIdentity(n, "dhl")).ToArray();

    [Fact]
    public async Task ABulkAnswerIsMatchedToTheItemsSentByNumberAndCarrierWhateverItsOrder()
    {
        var client = Client((_, _) => Data(Bulk(Tracking("C3") + "," + Tracking(" a1 ") + "," + Tracking("ZZ9"), ItemError("B2", 4015))));

        var outcomes = await client.CreateTrackingsAsync(New("A1", "B2", "C3", "D4"), Call);

        Assert.Equal(new[] { "A1", "B2", "C3", "D4" }, outcomes.Select(o => o.Request.TrackingNumber));
        Assert.Equal(new[] { OutcomeKind.Succeeded, OutcomeKind.Failed, OutcomeKind.Succeeded, OutcomeKind.Failed }, outcomes.Select(o => o.Kind));
        Assert.Equal(" a1 ", outcomes[0].Tracking!.TrackingNumber);
        Assert.Equal("TrackingMore.UnknownCarrier", outcomes[1].Failure!.ErrorId);
        Assert.Equal("TrackingMore.NotInAnswer", outcomes[3].Failure!.ErrorId);
        Assert.Contains(_verbose, m => m.Contains("ZZ9") && m.Contains("did not send"));
        Assert.Single(_sent);
    }

    [Fact]
    public async Task TheSameTrackingSentTwiceInOneBatchIsMatchedOncePerMention()
    {
        var client = Client((_, _) => Data(Bulk(Tracking("A1"), ItemError("A1", 4016))));

        var outcomes = await client.CreateTrackingsAsync(New("A1", "A1"), Call);

        Assert.Equal((OutcomeKind.Succeeded, OutcomeKind.Failed), (outcomes[0].Kind, outcomes[1].Kind));
        Assert.Equal("TrackingMore.AlreadyExists", outcomes[1].Failure!.ErrorId);
    }

    [Fact]
    public async Task AfterALostAnswerAlreadyExistsForOnesOwnItemMeansCreatedAndTheTrackingIsFetched()
    {
        var client = Client((request, index) => index switch
        {
            0 => Dropped(),
            1 => Data(Bulk(Tracking("B2"), ItemError("A1", 4016))),
            _ => Data(Page(Tracking("A1"))),
        }, retries: 1);

        var outcomes = await client.CreateTrackingsAsync(New("A1", "B2"), Call);

        Assert.Equal((OutcomeKind.DoneByEarlierAttempt, "A1"), (outcomes[0].Kind, outcomes[0].Tracking!.TrackingNumber));
        Assert.Equal(OutcomeKind.Succeeded, outcomes[1].Kind);
        Assert.Equal(3, _sent.Count);
        Assert.StartsWith("GET /v2/trackings/get?", _sent[2].Request);
        Assert.Contains("numbers=A1", _sent[2].Request);
        Assert.Contains(_verbose, m => m.Contains("had been done by the first attempt"));
        // The retry waited its back-off in simulated time.
        Assert.True(_sent[1].At > _sent[0].At);
    }

    [Fact]
    public async Task WithoutALostAnswerAlreadyExistsIsAFailure()
    {
        var client = Client((_, _) => Data(Bulk("", ItemError("A1", 4016))));

        var outcome = Assert.Single(await client.CreateTrackingsAsync(New("A1"), Call));

        Assert.Equal((OutcomeKind.Failed, "TrackingMore.AlreadyExists"), (outcome.Kind, outcome.Failure!.ErrorId));
        Assert.Single(_sent);
    }

    [Fact]
    public async Task ALoneItemGoesToTheSingleEndpointWhenAskedAndAResentFourThousandSixteenIsDone()
    {
        var client = Client((request, index) => index switch
        {
            0 => Dropped(),
            1 => Meta(4016, "Tracking already exists."),
            _ => Data(Page(Tracking("A1"))),
        }, retries: 1);

        var outcome = Assert.Single(await client.CreateTrackingsAsync(New("A1"), Call, singleForOne: true));

        Assert.StartsWith("POST /v2/trackings/post ", _sent[0].Request);
        Assert.Equal((OutcomeKind.DoneByEarlierAttempt, "A1"), (outcome.Kind, outcome.Tracking!.TrackingNumber));
        Assert.Contains(_verbose, m => m.Contains("after a resend: the first attempt did it"));
    }

    [Fact]
    public async Task CreationsWhoseEveryAttemptFailedAreLookedUpWhatTheAccountHoldsWasCreated()
    {
        var client = Client((request, index) => index < 2 ? Dropped() : Data(Page(Tracking("A1"))), retries: 1);

        var outcomes = await client.CreateTrackingsAsync(New("A1", "B2"), Call);

        Assert.Equal(OutcomeKind.DoneByEarlierAttempt, outcomes[0].Kind);
        Assert.Equal((OutcomeKind.Failed, "TrackingMore.NetworkError"), (outcomes[1].Kind, outcomes[1].Failure!.ErrorId));
    }

    [Fact]
    public async Task RemovalsWhoseEveryAttemptFailedAreLookedUpWhatTheAccountNoLongerHoldsWasRemoved()
    {
        var client = Client((request, index) => index < 2 ? Dropped() : Data(Page(Tracking("B2"))), retries: 1);

        var outcomes = await client.DeleteTrackingsAsync(Identities("A1", "B2"), Call);

        Assert.Equal((OutcomeKind.DoneByEarlierAttempt, null), (outcomes[0].Kind, outcomes[0].Tracking));
        Assert.Equal(OutcomeKind.Failed, outcomes[1].Kind);
        Assert.StartsWith("POST /v2/trackings/delete ", _sent[0].Request);
    }

    [Fact]
    public async Task AResentRemovalToldDoesNotExistWasDoneByTheFirstAttempt()
    {
        var client = Client((request, index) => index == 0 ? Dropped() : Data(Bulk("", ItemError("A1", 4017))), retries: 1);

        var outcome = Assert.Single(await client.DeleteTrackingsAsync(Identities("A1"), Call));

        Assert.Equal(OutcomeKind.DoneByEarlierAttempt, outcome.Kind);
        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task AChangeWhoseEveryAttemptFailedHasAnUnknownOutcomeAndNothingIsLookedUp()
    {
        var client = Client((_, _) => Dropped(), retries: 1);

        var outcomes = await client.UpdateTrackingsAsync(new[] { new TrackingUpdateRequest("A1", "dhl") { Title = "t" } }, Call);

        Assert.Equal((OutcomeKind.Unknown, "TrackingMore.NetworkError"), (outcomes[0].Kind, outcomes[0].Failure!.ErrorId));
        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task WhenTheLookUpAfterALostAnswerFailsTooTheOutcomeIsUnknown()
    {
        var client = Client((request, index) => index < 2 ? Dropped() : Meta(503, "busy"), retries: 1);

        var outcome = Assert.Single(await client.CreateTrackingsAsync(New("A1", "B2"), Call).ContinueWith(t => t.Result.Take(1).ToList()));

        Assert.Equal(OutcomeKind.Unknown, outcome.Kind);
        Assert.Equal("TrackingMore.NetworkError", outcome.Failure!.ErrorId);
    }

    [Fact]
    public async Task ARateLimitedAttemptDidNothingSoItsFailureIsPlain()
    {
        var client = Client((_, _) => Meta(429, "Exceeded API limits."), retries: 1);

        var outcome = Assert.Single(await client.StopUpdatingAsync(Identities("A1"), Call));

        Assert.Equal((OutcomeKind.Failed, "TrackingMore.RateLimited"), (outcome.Kind, outcome.Failure!.ErrorId));
        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task ARefusedKeyEndsTheCallInsteadOfFailingEachItem()
    {
        var client = Client((_, _) => Meta(4001, "Invalid API key."));

        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.CreateTrackingsAsync(New("A1", "B2"), Call));

        Assert.True(failure.IsAuthenticationFailure);
    }

    [Fact]
    public async Task UpdatesAndStopsCompleteTheShortAnswerWithWhatWasSent()
    {
        var client = Client((request, _) => Data(Bulk(Tracking("A1"))));

        var updated = await client.UpdateTrackingsAsync(new[] { new TrackingUpdateRequest("A1", "dhl") { Archived = true } }, Call);
        var stopped = await client.StopUpdatingAsync(Identities("A1"), Call);

        Assert.True(updated[0].Tracking!.Archived);
        Assert.False(stopped[0].Tracking!.TrackUpdate);
    }

    [Fact]
    public async Task FindingByNumberGivesOneResultPerNumberAskedInOrder()
    {
        var client = Client((_, _) => Data(Page(Tracking("B2", "ups"), Tracking("A1"), Tracking("B2", "dhl"), Tracking("XX"))));

        var results = await client.FindTrackingsAsync(new[] { "A1", "B2", "C3", "a1" }, null, Call);

        Assert.Equal(new[] { "A1", "B2", "C3", "a1" }, results.Select(r => r.TrackingNumber));
        Assert.Equal(new[] { 1, 2, 0, 1 }, results.Select(r => r.Trackings.Count));
        Assert.Null(results[0].Failure);
        Assert.Equal("TrackingMore.NotFound", results[2].Failure!.ErrorId);
        Assert.Contains(_verbose, m => m.Contains("XX") && m.Contains("not asked for"));
        // A number asked twice is sent once.
        Assert.Equal("numbers=A1,B2,C3", Regex.Match(Uri.UnescapeDataString(_sent[0].Request), "numbers=[^& ]*").Value);
    }

    [Fact]
    public async Task FindingManyNumbersAsksFortyAtATimeAtTheListsPaceAndAFailedRequestFailsItsNumbersOnly()
    {
        var client = Client((request, index) => index == 0 ? Data(Page(Tracking("N0"))) : Meta(500, "Server error"));
        var numbers = Enumerable.Range(0, 45).Select(i => "N" + i).ToArray();

        var results = await client.FindTrackingsAsync(numbers, null, Call);

        Assert.Equal(2, _sent.Count);
        Assert.Null(results[0].Failure);
        Assert.Equal("TrackingMore.NotFound", results[39].Failure!.ErrorId);
        Assert.All(results.Skip(40), r => Assert.Equal("TrackingMore.ServerError", r.Failure!.ErrorId));
        // One list request a second, in simulated time.
        Assert.True(_sent[1].At - _sent[0].At >= TimeSpan.FromSeconds(1), "second request after " + (_sent[1].At - _sent[0].At));
    }

    private static HttpResponseMessage ListPage(HttpRequestMessage request, int total, int limit)
    {
        var page = int.Parse(Regex.Match(request.RequestUri!.Query, @"page=(\d+)").Groups[1].Value);
        var items = Enumerable.Range((page - 1) * limit, Math.Max(0, Math.Min(limit, total - (page - 1) * limit))).Select(i => Tracking("N" + i));
        return Data("{\"page\":" + page + ",\"limit\":" + limit + ",\"total\":\"" + total + "\",\"items\":[" + string.Join(",", items) + "]}");
    }

    [Fact]
    public async Task ListingAllPinsThePagesAfterTheFirstToTheServicesTimeOfTheFirstAnswerAndPacesPagesByTheListsLimit()
    {
        // The service's clock is a day ahead of the client's: its Date header, not the client's clock, sets the bound.
        var serviceNow = _clock.UtcNow.AddDays(1);
        var client = Client((request, index) =>
        {
            var answer = ListPage(request, total: 25, limit: 10);
            answer.Headers.Date = serviceNow.AddSeconds(index);
            return answer;
        });

        var pages = new List<TrackingPage>();
        await foreach (var page in client.ListAllAsync(new TrackingListQuery { Limit = 10 }, Call)) pages.Add(page);

        Assert.Equal(new[] { 10, 10, 5 }, pages.Select(p => p.Items.Count));
        Assert.Equal(25, pages[0].Total);
        Assert.Equal(3, _sent.Count);
        Assert.DoesNotContain("created_at_max", _sent[0].Request);
        Assert.All(_sent.Skip(1), s => Assert.Matches("created_at_max=" + serviceNow.ToUnixTimeSeconds() + "(&| |$)", s.Request));
        for (var i = 1; i < _sent.Count; i++) Assert.True(_sent[i].At - _sent[i - 1].At >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ListingAllWithoutADateHeaderPinsNothingAndLeavesRepeatsToTheDeDuplication()
    {
        var client = Client((request, _) => ListPage(request, total: 25, limit: 10));

        var count = 0;
        await foreach (var page in client.ListAllAsync(new TrackingListQuery { Limit = 10 }, Call)) count += page.Items.Count;

        Assert.Equal(25, count);
        Assert.All(_sent, s => Assert.DoesNotContain("created_at_max", s.Request));
    }

    [Fact]
    public async Task ListingKeepsTheCallersUpperBoundOrNoneWhenToldNotToPin()
    {
        var client = Client((request, _) => ListPage(request, total: 5, limit: 10));
        var before = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);

        await foreach (var _ in client.ListAllAsync(new TrackingListQuery { Limit = 10, CreatedBefore = before }, Call)) { }
        await foreach (var _ in client.ListAllAsync(new TrackingListQuery { Limit = 10 }, Call, pinSnapshot: false)) { }

        Assert.Contains("created_at_max=" + new DateTimeOffset(before).ToUnixTimeSeconds(), _sent[0].Request);
        Assert.DoesNotContain("created_at_max", _sent[1].Request);
    }

    [Fact]
    public async Task AListingLeftEarlyAsksForNoFurtherPage()
    {
        var client = Client((request, _) => ListPage(request, total: 100, limit: 10));

        await foreach (var page in client.ListAllAsync(new TrackingListQuery { Limit = 10, Page = 3 }, Call, skip: 4))
        {
            Assert.Equal(3, page.Page);
            Assert.Equal("N24", page.Items[0].TrackingNumber);
            break;
        }

        Assert.Single(_sent);
    }

    // A 429 says the work was not done: the resend's "already exists" / "does not exist" is the item's own answer.
    [Theory]
    [InlineData(4016)]
    [InlineData(4017)]
    public async Task ARateLimitBeforeTheResendLeavesAlreadyExistsOrDoesNotExistAFailure(int code)
    {
        var client = Client((_, index) => index == 0 ? Meta(429, "Too many requests") : Data(Bulk(Tracking("B2"), ItemError("A1", code))), retries: 1);

        var outcomes = code == 4016
            ? (await client.CreateTrackingsAsync(New("A1", "B2"), Call)).Select(o => (o.Kind, o.Failure)).ToList()
            : (await client.DeleteTrackingsAsync(Identities("A1", "B2"), Call)).Select(o => (o.Kind, o.Failure)).ToList();

        Assert.Equal((OutcomeKind.Failed, code == 4016 ? "TrackingMore.AlreadyExists" : "TrackingMore.NotFound"), (outcomes[0].Kind, outcomes[0].Failure!.ErrorId));
        Assert.Equal(OutcomeKind.Succeeded, outcomes[1].Kind);
        Assert.Equal(2, _sent.Count);
    }

    // The single endpoints follow the same record: a 429 then "already exists" / "does not exist" is the item's own answer.
    [Theory]
    [InlineData(4016)]
    [InlineData(4017)]
    public async Task ARateLimitBeforeTheResendOfALoneItemLeavesAlreadyExistsOrDoesNotExistAFailure(int code)
    {
        var client = Client((_, index) => index == 0 ? Meta(429, "Too many requests") : Meta(code, "item " + code), retries: 1);

        var outcome = code == 4016
            ? (await client.CreateTrackingsAsync(New("A1"), Call, singleForOne: true)).Select(o => (o.Kind, o.Failure)).Single()
            : (await client.DeleteTrackingsAsync(Identities("A1"), Call, singleForOne: true)).Select(o => (o.Kind, o.Failure)).Single();

        Assert.Equal((OutcomeKind.Failed, code == 4016 ? FailureReason.AlreadyExists : FailureReason.NotFound), (outcome.Kind, outcome.Failure!.Reason));
        Assert.Equal(code, outcome.Failure.ApiCode);
        Assert.Equal(2, _sent.Count);
    }

    // What the transport records of each attempt of one request, in order: what the bulk rules decide from.
    [Fact]
    public async Task EachAttemptOfOneRequestIsRecordedAsWhatBecameOfIt()
    {
        var client = Client((_, index) => index switch
        {
            0 => Meta(429, "Too many requests"),
            1 => Dropped(),
            2 => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") },
            _ => Data(Page()),
        }, retries: 3);
        var request = Call.ForOneRequest();

        await client.ListTrackingsAsync(new TrackingListQuery(), request);

        Assert.Equal(new[] { AttemptOutcome.RateLimited, AttemptOutcome.AnswerLost, AttemptOutcome.AnswerLost, AttemptOutcome.Answered }, request.Attempts!.Attempts);
        Assert.True(request.Attempts.MayHaveBeenDone);
    }

    [Fact]
    public async Task ARefusedConnectionIsRecordedNotSentATimeoutTimedOutAndAnAnswerOfTheServiceAnswered()
    {
        var client = Client((_, index) => index switch
        {
            0 => throw new HttpRequestException("refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)),
            1 => Meta(4017, "Tracking does not exist."),
            _ => throw new TaskCanceledException("timed out"),
        }, retries: 1);
        var refusedThenAnswered = Call.ForOneRequest();
        var timedOut = Call.ForOneRequest();

        await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.ListTrackingsAsync(new TrackingListQuery(), refusedThenAnswered));
        await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.ListTrackingsAsync(new TrackingListQuery(), timedOut));

        Assert.Equal(new[] { AttemptOutcome.NotSent, AttemptOutcome.Answered }, refusedThenAnswered.Attempts!.Attempts);
        Assert.False(refusedThenAnswered.Attempts.MayHaveBeenDone);
        Assert.Equal(new[] { AttemptOutcome.TimedOut }, timedOut.Attempts!.Attempts);
        Assert.True(timedOut.Attempts.MayHaveBeenDone);
    }

    [Fact]
    public void ACallersOwnContextRecordsNothingSoSharingItAcrossCallsCannotMixTheirAttempts()
    {
        Assert.Null(CallContext.None.Attempts);
        Assert.Null(Call.Attempts);
        Assert.NotSame(CallContext.None.ForOneRequest().Attempts, CallContext.None.ForOneRequest().Attempts);
    }

    // The answer is lost whether or not a resend may follow: with retries off the account still tells.
    [Fact]
    public async Task ALostAnswerWithRetriesOffIsLookedUp()
    {
        var client = Client((_, index) => index == 0 ? Dropped() : Data(Page(Tracking("A1"))), retries: 0);

        var outcomes = await client.CreateTrackingsAsync(New("A1", "B2"), Call);

        Assert.Equal((OutcomeKind.DoneByEarlierAttempt, "A1"), (outcomes[0].Kind, outcomes[0].Tracking!.TrackingNumber));
        Assert.Equal((OutcomeKind.Failed, "TrackingMore.NetworkError"), (outcomes[1].Kind, outcomes[1].Failure!.ErrorId));
        Assert.Equal(2, _sent.Count);
        Assert.StartsWith("GET /v2/trackings/get?", _sent[1].Request);
    }

    [Fact]
    public async Task AnAnswerThatCameAfterTheTimeoutIsLookedUp()
    {
        // What the transport sees when its timeout cancels the send: the request went out, the answer did not come back.
        var client = Client((_, index) => index == 0 ? throw new TaskCanceledException("timed out") : Data(Page(Tracking("A1"), Tracking("B2"))));

        var outcomes = await client.CreateTrackingsAsync(New("A1", "B2"), Call);

        Assert.All(outcomes, outcome => Assert.Equal(OutcomeKind.DoneByEarlierAttempt, outcome.Kind));
        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task ARefusedConnectionWasNeverSentAndIsNotLookedUp()
    {
        var client = Client((_, _) => throw new HttpRequestException("refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)));

        var outcomes = await client.CreateTrackingsAsync(New("A1", "B2"), Call);

        Assert.All(outcomes, outcome => Assert.Equal((OutcomeKind.Failed, "TrackingMore.NetworkError"), (outcome.Kind, outcome.Failure!.ErrorId)));
        Assert.Single(_sent);
    }

    // Per-item texts are server bytes too: they pass the one redaction point like the envelope's.
    [Fact]
    public async Task AKeyOrAnEscapeInABulkItemMessageIsMasked()
    {
        string? key = null;
        var client = Client((request, _) =>
        {
            key = request.Headers.GetValues("Trackingmore-Api-Key").Single();
            return Data(Bulk("", "{\"tracking_number\":\"A1\",\"carrier_code\":\"dhl\",\"code\":4015,\"message\":\"bad " + key + " \\u001b[2J\"}"));
        });

        var outcome = Assert.Single(await client.CreateTrackingsAsync(New("A1"), Call, singleForOne: false));

        Assert.NotNull(key);
        Assert.DoesNotContain(key!, outcome.Failure!.Message);
        Assert.DoesNotContain(key!, outcome.Failure.ApiMessage);
        Assert.DoesNotContain('\u001b', outcome.Failure.Message);
        Assert.Contains("bad ", outcome.Failure.ApiMessage);
    }

    [Fact]
    public async Task AKeyInARemoteAreaRefusalIsMasked()
    {
        string? key = null;
        var client = Client((request, _) =>
        {
            key = request.Headers.GetValues("Trackingmore-Api-Key").Single();
            return Data("{\"remote\":[],\"other\":[{\"country\":\"US\",\"postcode\":\"10001\",\"message\":\"no " + key + " \\u0007\"}]}");
        });

        var refusal = Assert.Single(await client.CheckRemoteAreasAsync(new[] { new RemoteAreaRequest("US", "10001", null) }, Call)).Failure!;

        Assert.NotNull(key);
        Assert.StartsWith("no ", refusal.ApiMessage);
        Assert.DoesNotContain(key!, refusal.Message);
        Assert.DoesNotContain('\u0007', refusal.Message);
    }
}
