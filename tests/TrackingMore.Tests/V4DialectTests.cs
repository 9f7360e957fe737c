using System.Net;
using System.Text;
using System.Text.Json;
using TrackingMore.Api;
using TrackingMore.Models;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// The v4 dialect through the real transport with a stub handler: its envelope under real HTTP statuses, its codes,
/// its key header and base, its capabilities, and each operation's request and the reading of its answer.
/// </summary>
public class V4DialectTests
{
    private const string Success = "{\"meta\":{\"code\":200,\"message\":\"Request response is successful\"},\"data\":";

    private static readonly CallContext Call = new(CancellationToken.None);

    private static byte[] Envelope(string dataJson) => Encoding.UTF8.GetBytes(Success + dataJson + "}");

    private static byte[] Error(int code, string message) =>
        Encoding.UTF8.GetBytes("{\"meta\":{\"code\":" + code + ",\"message\":\"" + message + "\"},\"data\":null}");

    /// <summary>A v4 client on a simulated clock whose every request is answered with <paramref name="body"/> under <paramref name="status"/>.</summary>
    private static TrackingMoreClient Answering(byte[] body, List<Sent> sent, HttpStatusCode status = HttpStatusCode.OK) =>
        Fixtures.Client(request =>
        {
            lock (sent) sent.Add(Sent.Of(request));
            return new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
        }, clock: new FakeClock(), version: ApiVersion.V4);

    [Theory]
    [InlineData(4101, FailureReason.AlreadyExists)]
    [InlineData(4102, FailureReason.NotFound)]
    [InlineData(4112, FailureReason.NotFound)]
    [InlineData(4103, FailureReason.InvalidArgument)]
    [InlineData(4110, FailureReason.InvalidArgument)]
    [InlineData(4111, FailureReason.InvalidArgument)]
    [InlineData(4113, FailureReason.InvalidArgument)]
    [InlineData(4122, FailureReason.InvalidArgument)]
    [InlineData(4130, FailureReason.InvalidArgument)]
    [InlineData(4160, FailureReason.InvalidArgument)]
    [InlineData(4120, FailureReason.UnknownCarrier)]
    [InlineData(4161, FailureReason.UnknownCarrier)]
    [InlineData(4121, FailureReason.CarrierNotDetected)]
    [InlineData(4190, FailureReason.QuotaExceeded)]
    [InlineData(401, FailureReason.Unauthorized)]
    [InlineData(403, FailureReason.PermissionDenied)]
    [InlineData(404, FailureReason.NotSupported)]
    [InlineData(429, FailureReason.RateLimited)]
    [InlineData(500, FailureReason.ServerError)]
    [InlineData(511, FailureReason.ServerError)]
    [InlineData(512, FailureReason.ServerError)]
    [InlineData(513, FailureReason.ServerError)]
    [InlineData(400, FailureReason.ApiError)]
    [InlineData(4999, FailureReason.ApiError)]
    public async Task EveryCodeGivesItsReasonUnderItsHttpStatus(int code, FailureReason reason)
    {
        // api-v4.md: 41xx and meta 400 under HTTP 400, 511–513 under HTTP 500, the others under their own status.
        var status = code >= 1000 ? HttpStatusCode.BadRequest : code is >= 511 and <= 513 ? HttpStatusCode.InternalServerError : (HttpStatusCode)code;
        var sent = new List<Sent>();
        var client = Answering(Error(code, "the service's words"), sent, status);

        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.DetectCarrierAsync("LX123456789CN", Call));

        Assert.Equal(reason, failure.Reason);
        Assert.Equal(code, failure.ApiCode);
        Assert.Equal(status, failure.HttpStatus);
        Assert.Equal("the service's words", failure.ApiMessage);
        Assert.Null(failure.ApiType); // v4's meta has no type
        Assert.False(failure.IsOperationMissing);
        Assert.Equal("POST /couriers/detect", failure.Endpoint);
        Assert.Contains("TrackingMore API error " + code + ": the service's words (POST /couriers/detect)", failure.Message);
    }

    [Fact]
    public async Task AMetaSuccessInsideAnHttpErrorIsThatHttpStatus()
    {
        var client = Answering(Envelope("[]"), new List<Sent>(), HttpStatusCode.InternalServerError);
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.DetectCarrierAsync("LX123456789CN", Call));
        Assert.Equal(FailureReason.ServerError, failure.Reason);
        Assert.Equal(500, failure.ApiCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, FailureReason.ServerError)]
    [InlineData(HttpStatusCode.Unauthorized, FailureReason.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden, FailureReason.InvalidResponse)]
    public async Task ABodyThatIsNotJsonNamesTheHttpStatus(HttpStatusCode status, FailureReason reason)
    {
        var client = Answering(Encoding.UTF8.GetBytes("<html>gateway</html>"), new List<Sent>(), status);
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.DetectCarrierAsync("LX123456789CN", Call));
        Assert.Equal(reason, failure.Reason);
        Assert.Equal(status, failure.HttpStatus);
        Assert.Null(failure.ApiCode);
        Assert.Contains("answered HTTP " + (int)status + " " + status + "; the body is not JSON", failure.Message);
    }

    [Fact]
    public async Task TheKeyGoesInTrackingApiKeyUnderTheV4Base()
    {
        var sent = new List<Sent>();
        await Answering(Envelope("[]"), sent).ListCarriersAsync(Call);

        var request = Assert.Single(sent);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v4/couriers/all", request.PathAndQuery);
        Assert.StartsWith("fixture-key-", request.Headers["Tracking-Api-Key"]);
        Assert.False(request.Headers.ContainsKey("Trackingmore-Api-Key"));
        Assert.Equal(new Uri("https://api.trackingmore.com/v4/"), ConnectionSettings.PublicBaseUriOf(ApiVersion.V4));
    }

    [Fact]
    public void CapabilitiesAreV4s()
    {
        var capabilities = ApiCapabilities.Of(ApiVersion.V4);
        Assert.Equal(ApiVersion.V4, capabilities.Version);
        Assert.Equal(40, capabilities.BatchSize);
        Assert.Equal(200, capabilities.MaxPageSize);
        Assert.Equal(40, capabilities.MaxListValues);
        Assert.Equal(3, capabilities.RateLimitOf(EndpointClass.Realtime));
        Assert.Equal(10, capabilities.RateLimitOf(EndpointClass.List));
        Assert.Equal(10, capabilities.RateLimitOf(EndpointClass.Other));
    }

    // Batch update and delete are absent too, but their single forms carry the items one a request (WithoutABulkForm...).
    [Theory]
    [InlineData(ApiOperation.GetStatusCount)]
    [InlineData(ApiOperation.GetAccount)]
    [InlineData(ApiOperation.StopUpdating)]
    [InlineData(ApiOperation.CheckRemoteAreas)]
    [InlineData(ApiOperation.GetTransitTimes)]
    public async Task WhatV4LacksIsRefusedBeforeSending(ApiOperation missing)
    {
        var sent = new List<Sent>();
        var client = Answering(Envelope("{}"), sent);
        Func<Task> call = missing switch
        {
            ApiOperation.GetStatusCount => () => client.GetStatusCountAsync(new TrackingCountQuery(), Call),
            ApiOperation.GetAccount => () => client.GetAccountAsync(Call),
            ApiOperation.StopUpdating => () => client.StopUpdatingAsync(new[] { new TrackingIdentity("LX123456789CN", "china-post") }, Call),
            ApiOperation.CheckRemoteAreas => () => client.CheckRemoteAreasAsync(new[] { new RemoteAreaRequest("US", "99501", null) }, Call),
            _ => () => client.GetTransitTimesAsync(new[] { new TransitTimeRequest("usps", "CN", "US") }, Call),
        };

        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(call);

        Assert.True(failure.IsOperationMissing);
        Assert.Equal("TrackingMore.NotSupported", failure.ErrorId);
        Assert.Contains("API version V4 does not offer " + missing + "; API version V2 does.", failure.Message);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task CreateSendsV4NamesAllAsStringsAndReadsTheFullTracking()
    {
        var sent = new List<Sent>();
        var item = ListItem(0);
        var client = Answering(Envelope(item), sent);

        var tracking = await client.CreateTrackingAsync(new NewTrackingRequest("TBA308626148196", "amazon")
        {
            CustomerPhone = "+1 555 0100",
            Comment = "leave at door",
            DestinationCode = "US",
            AutoCorrect = 1,
            OrderCreateTime = new DateTime(2024, 2, 20, 9, 30, 0),
            Language = "en",
        }, Call);

        var request = Assert.Single(sent);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v4/trackings/create", request.PathAndQuery);
        Assert.Equal("customer_sms=\"+1 555 0100\" auto_correct=\"1\" note=\"leave at door\" destination_country_iso2=\"US\" order_date=\"2024-02-20 09:30\" language=\"en\" tracking_number=\"TBA308626148196\" courier_code=\"amazon\"",
            Canonical(request.Body!, "customer_sms", "auto_correct", "note", "destination_country_iso2", "order_date", "language", "tracking_number", "courier_code"));
        Assert.Equal("9a73b452e03c2c724414f3859fad1c2c", tracking.Id);
        Assert.Equal("amazon", tracking.CarrierCode);
        Assert.Equal(TrackingStatus.NotFound, tracking.Status);
    }

    [Fact]
    public async Task BatchCreateIsABareArrayAndReadsSuccessAndErrorItems()
    {
        var sent = new List<Sent>();
        var client = Answering(Envelope("""
            {"success":[{"id":"0f9d7e2c61a84b3c9a1e5d6f7a8b9c0d","tracking_number":"LX123456789CN","courier_code":"china-post"}],
             "error":[{"id":"1f9d7e2c61a84b3c9a1e5d6f7a8b9c0d","tracking_number":"LX223456789CN","courier_code":"china-post","errorCode":4101,"errorMessage":"Tracking No. already exists."},
                      {"id":null,"tracking_number":"LX323456789CN","courier_code":"nowhere","errorCode":4120,"errorMessage":"The value of courier_code is invalid."}]}
            """), sent);

        var outcomes = await client.CreateTrackingsAsync(new[]
        {
            new NewTrackingRequest("LX123456789CN", "china-post") { Title = "a" },
            new NewTrackingRequest("LX223456789CN", "china-post"),
            new NewTrackingRequest("LX323456789CN", "nowhere"),
        }, Call);

        var request = Assert.Single(sent);
        Assert.Equal("/v4/trackings/batch", request.PathAndQuery);
        using (var body = JsonDocument.Parse(request.Body!))
        {
            Assert.Equal(JsonValueKind.Array, body.RootElement.ValueKind);
            Assert.Equal(new[] { "LX123456789CN", "LX223456789CN", "LX323456789CN" }, body.RootElement.EnumerateArray().Select(e => e.GetProperty("tracking_number").GetString()));
            Assert.Equal("a", body.RootElement[0].GetProperty("title").GetString());
            Assert.False(body.RootElement[0].TryGetProperty("carrier_code", out _));
        }
        Assert.Equal("0f9d7e2c61a84b3c9a1e5d6f7a8b9c0d", outcomes[0].Tracking!.Id);
        Assert.Equal(OutcomeKind.Succeeded, outcomes[0].Kind);
        Assert.Equal(FailureReason.AlreadyExists, outcomes[1].Failure!.Reason);
        Assert.Equal(4101, outcomes[1].Failure!.ApiCode);
        Assert.Equal(FailureReason.UnknownCarrier, outcomes[2].Failure!.Reason);
    }

    [Fact]
    public async Task CouriersAreReadWithV4Names()
    {
        var sent = new List<Sent>();
        var client = Answering(Envelope("""
            [{"courier_name":"USPS","courier_code":"usps","courier_country_iso2":"US","courier_url":"https://www.usps.com",
              "courier_phone":"+1 800-275-8777","courier_type":"express","tracking_required_fields":null,"optional_fields":["tracking_postal_code"],
              "default_language":"en","support_language":["en"],"courier_logo":"https://s.trackingmore.com/images/icons/express/usps.png"}]
            """), sent);

        var carrier = Assert.Single(await client.ListCarriersAsync(Call));

        Assert.Equal("usps", carrier.Code);
        Assert.Equal("USPS", carrier.Name);
        Assert.Equal("US", carrier.Country);
        Assert.Equal("en", carrier.DefaultLanguage);
    }

    [Fact]
    public async Task DetectSendsTheNumberAndReadsTheCandidates()
    {
        var sent = new List<Sent>();
        var client = Answering(Envelope("""[{"courier_code":"china-post","courier_name":"China Post"}]"""), sent);

        var candidate = Assert.Single(await client.DetectCarrierAsync("LX123456789CN", Call));

        var request = Assert.Single(sent);
        Assert.Equal("/v4/couriers/detect", request.PathAndQuery);
        Assert.Equal("""{"tracking_number":"LX123456789CN"}""", request.Body);
        Assert.Equal("china-post", candidate.CarrierCode);
        Assert.Equal("LX123456789CN", candidate.TrackingNumber);
    }

    [Theory]
    [InlineData(null, 120)]
    [InlineData(7, 7)]
    public async Task ARateLimitAnswerWaitsRetryAfterElse120Seconds(int? retryAfterSeconds, int expectedWaitSeconds)
    {
        var clock = new FakeClock();
        var answers = 0;
        var client = Fixtures.Client(_ =>
        {
            if (Interlocked.Increment(ref answers) > 1) return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Envelope("[]")) };
            var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new ByteArrayContent(Error(429, "Exceeded API request limits")) };
            if (retryAfterSeconds is int seconds) limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
            return limited;
        }, retries: 1, clock: clock, version: ApiVersion.V4);
        var verbose = new List<string>();
        var call = new CallContext(CancellationToken.None, verbose.Add);

        Assert.Empty(await client.ListCarriersAsync(call));

        Assert.Equal(2, answers);
        Assert.Contains(TimeSpan.FromSeconds(expectedWaitSeconds), clock.Delays);
        Assert.Contains(verbose, line => line.Contains("Retry 1 of 1 in " + expectedWaitSeconds + ".0 s."));
    }

    [Fact]
    public async Task TheListQueryHasV4NamesAndIsoDatesWithThePlusEncoded()
    {
        var sent = new List<Sent>();
        var client = Answering(Envelope("[" + ListItem(0) + "]"), sent);

        var page = await client.ListTrackingsAsync(new TrackingListQuery
        {
            Page = 3,
            Limit = 50,
            Numbers = new[] { "TBA308626148196", "LX123456789CN" },
            Status = TrackingStatus.Delivered,
            Archived = false,
            CreatedAfter = new DateTime(2023, 10, 9, 6, 0, 0, DateTimeKind.Utc),
            CreatedBefore = new DateTimeOffset(2023, 10, 10, 8, 30, 0, TimeSpan.FromHours(2)).UtcDateTime,
            UpdatedAfter = new DateTime(2023, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            UpdatedBefore = new DateTime(2023, 11, 2, 23, 59, 59, DateTimeKind.Utc),
            Language = "en",
        }, Call);

        Assert.Equal("/v4/trackings/get?tracking_numbers=TBA308626148196%2CLX123456789CN&delivery_status=delivered&archived_status=tracking" +
                     "&created_date_min=2023-10-09T06%3A00%3A00%2B00%3A00&created_date_max=2023-10-10T06%3A30%3A00%2B00%3A00" +
                     "&updated_date_min=2023-11-01T00%3A00%3A00%2B00%3A00&updated_date_max=2023-11-02T23%3A59%3A59%2B00%3A00" +
                     "&lang=en&pages_amount=3&items_amount=50", Assert.Single(sent).PathAndQuery);
        Assert.Equal("9a73b452e03c2c724414f3859fad1c2c", Assert.Single(page.Items).Id);
        Assert.Null(page.Total);
        Assert.Equal(3, page.Page);
    }

    [Fact]
    public async Task TheListAsksAHundredByDefaultAndArchivedOnlyAsArchived()
    {
        var sent = new List<Sent>();
        await Answering(Envelope("[]"), sent).ListTrackingsAsync(new TrackingListQuery { Archived = true }, Call);
        Assert.Equal("/v4/trackings/get?archived_status=archived&pages_amount=1&items_amount=100", Assert.Single(sent).PathAndQuery);
    }

    [Theory]
    [InlineData("orders")]
    [InlineData("after")]
    [InlineData("before")]
    public async Task OrderFiltersAreRefusedBeforeSending(string filter)
    {
        var sent = new List<Sent>();
        var query = filter switch
        {
            "orders" => new TrackingListQuery { Orders = new[] { "A-1" } },
            "after" => new TrackingListQuery { OrderCreatedAfter = DateTime.Now },
            _ => new TrackingListQuery { OrderCreatedBefore = DateTime.Now },
        };

        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => Answering(Envelope("[]"), sent).ListTrackingsAsync(query, Call));

        Assert.True(failure.IsOperationMissing);
        Assert.Contains("cannot filter the list by order id or order date", failure.Message);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task AListingEndsOnAnEmptyPageNotAShortOneAndPinsTheSnapshot()
    {
        // Pages of 2 asked: 2, then 1 (a server's cap, say), then 2, then none.
        var pages = new[] { new[] { 1, 2 }, new[] { 3 }, new[] { 4, 5 }, Array.Empty<int>() };
        var sent = new List<Sent>();
        var answered = new DateTimeOffset(2026, 12, 1, 8, 0, 7, TimeSpan.Zero);
        var client = Fixtures.Client(request =>
        {
            int index;
            lock (sent)
            {
                sent.Add(Sent.Of(request));
                index = sent.Count - 1;
            }
            var items = index < pages.Length ? pages[index] : new[] { 99 };
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new ByteArrayContent(Envelope("[" + string.Join(",", items.Select(Item)) + "]")),
            };
            response.Headers.Date = answered;
            return response;
        }, clock: new FakeClock(), version: ApiVersion.V4);

        var ids = new List<string>();
        await foreach (var page in client.ListAllAsync(new TrackingListQuery { Limit = 2 }, Call))
            ids.AddRange(page.Items.Select(t => t.Id!));

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }.Select(Id), ids);
        Assert.Equal(4, sent.Count);
        Assert.Equal("/v4/trackings/get?pages_amount=1&items_amount=2", sent[0].PathAndQuery);
        for (var i = 1; i < 4; i++)
            Assert.Equal("/v4/trackings/get?created_date_max=2026-12-01T08%3A00%3A07%2B00%3A00&pages_amount=" + (i + 1) + "&items_amount=2", sent[i].PathAndQuery);

        static string Id(int n) => n.ToString("D32");
        static string Item(int n) => "{\"id\":\"" + Id(n) + "\",\"tracking_number\":\"LX" + n.ToString("D9") + "CN\",\"courier_code\":\"china-post\"}";
    }

    [Fact]
    public async Task OneTrackingIsTheListFilteredByNumberAndCourier()
    {
        var sent = new List<Sent>();
        var tracking = await Answering(Envelope("[" + ListItem(0) + "]"), sent)
            .GetTrackingAsync(new TrackingIdentity("TBA308626148196", "amazon"), "en", Call);

        Assert.Equal("/v4/trackings/get?tracking_numbers=TBA308626148196&courier_code=amazon&lang=en&pages_amount=1&items_amount=100", Assert.Single(sent).PathAndQuery);
        Assert.Equal("9a73b452e03c2c724414f3859fad1c2c", tracking.Id);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "[]")]
    [InlineData(HttpStatusCode.BadRequest, "4102")]
    public async Task AnUnknownNumberIsNotFoundWhetherListedEmptyOr4102(HttpStatusCode status, string answer)
    {
        var body = answer == "[]" ? Envelope("[]") : Error(4102, "Tracking No. no exists.");
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() =>
            Answering(body, new List<Sent>(), status).GetTrackingAsync(new TrackingIdentity("LX123456789CN", "china-post"), null, Call));
        Assert.Equal(FailureReason.NotFound, failure.Reason);
        Assert.Equal("GET /trackings/get", failure.Endpoint);
    }

    /// <summary>A v4 client whose list answers <paramref name="listed"/> and whose other endpoints answer {id, tracking_number, courier_code}.</summary>
    private static TrackingMoreClient ById(string listed, List<Sent> sent) => Fixtures.Client(request =>
    {
        lock (sent) sent.Add(Sent.Of(request));
        var body = request.Method == HttpMethod.Get ? Envelope(listed)
            : Envelope("""{"id":"0f9d7e2c61a84b3c9a1e5d6f7a8b9c0d","tracking_number":"LX123456789CN","courier_code":"china-post"}""");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
    }, clock: new FakeClock(), version: ApiVersion.V4);

    private static string Listed(string id, string number, string courier) =>
        "{\"id\":\"" + id + "\",\"tracking_number\":\"" + number + "\",\"courier_code\":\"" + courier + "\"}";

    private const string IdA = "0f9d7e2c61a84b3c9a1e5d6f7a8b9c0d";
    private const string IdB = "1f9d7e2c61a84b3c9a1e5d6f7a8b9c0d";
    private const string IdC = "2f9d7e2c61a84b3c9a1e5d6f7a8b9c0d";

    [Fact]
    public async Task AnUpdateWithoutAnIdLooksItUpThenPutsTheChangesUnderIt()
    {
        var sent = new List<Sent>();
        var client = ById("[" + Listed(IdB, "LX123456789CN", "usps") + "," + Listed(IdA, "LX123456789CN", "china-post") + "]", sent);
        var changes = new TrackingUpdateRequest("LX123456789CN", "china-post") { Title = "t", CustomerPhone = "+1 555", Archived = true };

        var tracking = await client.UpdateTrackingAsync(changes, Call);

        Assert.Equal(2, sent.Count);
        Assert.Equal("/v4/trackings/get?tracking_numbers=LX123456789CN&pages_amount=1&items_amount=200", sent[0].PathAndQuery);
        Assert.Equal("PUT", sent[1].Method);
        Assert.Equal("/v4/trackings/update/" + IdA, sent[1].PathAndQuery);
        Assert.Equal("title=\"t\" customer_sms=\"+1 555\" archived_status=\"archived\"", Canonical(sent[1].Body!, "title", "customer_sms", "archived_status"));
        Assert.Equal(IdA, changes.Id);
        Assert.Equal(IdA, tracking.Id);
    }

    [Fact]
    public async Task ARequestThatCarriesItsIdCostsNoLookUp()
    {
        var sent = new List<Sent>();
        await ById("[]", sent).DeleteTrackingAsync(new TrackingIdentity("LX123456789CN", "china-post") { Id = IdC }, Call);

        var request = Assert.Single(sent);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/v4/trackings/delete/" + IdC, request.PathAndQuery);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task OneLookUpServesManyItemsAndIsRemembered()
    {
        var sent = new List<Sent>();
        var client = ById("[" + Listed(IdA, "LX123456789CN", "china-post") + "," + Listed(IdB, "LX223456789CN", "china-post") + "," +
                          Listed(IdC, "LX323456789CN", "china-post") + "]", sent);
        var items = new[] { "LX123456789CN", "LX223456789CN", "LX323456789CN" }.Select(n => new TrackingIdentity(n, "china-post")).ToArray();

        await client.PrefetchTrackingIdsAsync(items, Call);
        foreach (var item in items) await client.DeleteTrackingAsync(new TrackingIdentity(item.TrackingNumber, item.CarrierCode), Call);

        Assert.Equal(4, sent.Count);
        Assert.Equal("/v4/trackings/get?tracking_numbers=LX123456789CN%2CLX223456789CN%2CLX323456789CN&pages_amount=1&items_amount=200", sent[0].PathAndQuery);
        Assert.Equal(new[] { IdA, IdB, IdC }.Select(id => "/v4/trackings/delete/" + id), sent.Skip(1).Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task NoTrackingUnderTheNumberAndCarrierIsNotFoundWithNothingElseSent()
    {
        var sent = new List<Sent>();
        var client = ById("[" + Listed(IdB, "LX123456789CN", "usps") + "]", sent);

        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() =>
            client.DeleteTrackingAsync(new TrackingIdentity("LX123456789CN", "china-post"), Call));

        Assert.Equal(FailureReason.NotFound, failure.Reason);
        Assert.Equal("DELETE /trackings/delete/{id}", failure.Endpoint);
        Assert.Contains("LX123456789CN (china-post)", failure.Message);
        Assert.Single(sent); // the look-up only
    }

    [Fact]
    public async Task TwoTrackingsUnderTheNumberAndCarrierAreAmbiguous()
    {
        var sent = new List<Sent>();
        var client = ById("[" + Listed(IdA, "LX123456789CN", "china-post") + "," + Listed(IdB, "LX123456789CN", "china-post") + "]", sent);

        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() =>
            client.UpdateTrackingAsync(new TrackingUpdateRequest("LX123456789CN", "china-post") { Title = "t" }, Call));

        Assert.Equal(FailureReason.Ambiguous, failure.Reason);
        Assert.Equal("TrackingMore.Ambiguous", failure.ErrorId);
        Assert.Contains(IdA, failure.Message);
        Assert.Contains(IdB, failure.Message);
        Assert.Single(sent);
    }

    [Fact]
    public async Task ChangingTheCarrierIsAnUpdateWithCourierCodeNew()
    {
        var sent = new List<Sent>();
        var client = ById("[]", sent);

        var moved = await client.ChangeCarrierAsync(new CarrierChangeRequest("LX123456789CN", "china-post", "usps") { Id = IdA }, Call);
        await client.DeleteTrackingAsync(new TrackingIdentity("LX123456789CN", "usps"), Call);

        Assert.Equal("/v4/trackings/update/" + IdA, sent[0].PathAndQuery);
        Assert.Equal("PUT", sent[0].Method);
        Assert.Equal("""{"courier_code_new":"usps"}""", sent[0].Body);
        Assert.Equal("usps", moved.CarrierCode);
        Assert.Equal(IdA, moved.Id);
        // The id is remembered under the new carrier: the removal needs no look-up.
        Assert.Equal("/v4/trackings/delete/" + IdA, sent[1].PathAndQuery);
        Assert.Equal(2, sent.Count);
    }

    [Fact]
    public async Task AStatusByHandIsRefusedBeforeAnyLookUp()
    {
        var sent = new List<Sent>();
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => ById("[]", sent)
            .UpdateTrackingAsync(new TrackingUpdateRequest("LX123456789CN", "china-post") { Status = TrackingStatusChange.Delivered }, Call));
        Assert.True(failure.IsOperationMissing);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task V2NeverSendsTheId()
    {
        var seen = new List<RecordedRequest>();
        var client = Fixtures.ClientRecording(Fixtures.Envelope("{}"), seen);
        await client.UpdateTrackingAsync(new TrackingUpdateRequest("LX123456789CN", "china-post") { Id = IdA, Title = "t" }, Call);
        Assert.Equal("/v2/trackings/china-post/LX123456789CN", seen[0].PathAndQuery);
        Assert.Equal("""{"title":"t"}""", seen[0].Body);
    }

    [Fact]
    public async Task RealtimeCreatesANewNumberAndReadsTheStoredResultOfAnExistingOne()
    {
        var sent = new List<Sent>();
        var exists = false;
        var client = Fixtures.Client(request =>
        {
            lock (sent) sent.Add(Sent.Of(request));
            if (request.Method == HttpMethod.Get) return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Envelope("[" + ListItem(0) + "]")) };
            return exists
                ? new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new ByteArrayContent(Error(4101, "Tracking No. already exists.")) }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Envelope(ListItem(0))) };
        }, clock: new FakeClock(), version: ApiVersion.V4);
        var request = new RealtimeTrackingRequest("TBA308626148196", "amazon") { Order = "114-0292795-2405840", SpecialNumberDestination = "US" };

        var created = await client.GetRealtimeTrackingAsync(request, Call);
        exists = true;
        var stored = await client.GetRealtimeTrackingAsync(request, Call);

        Assert.Equal(new[] { "POST /v4/trackings/create", "POST /v4/trackings/create", "GET /v4/trackings/get?tracking_numbers=TBA308626148196&courier_code=amazon&pages_amount=1&items_amount=100" },
            sent.Select(r => r.Method + " " + r.PathAndQuery));
        Assert.Equal("tracking_destination_country=\"US\" order_number=\"114-0292795-2405840\" tracking_number=\"TBA308626148196\" courier_code=\"amazon\"",
            Canonical(sent[0].Body!, "tracking_destination_country", "order_number", "tracking_number", "courier_code"));
        Assert.Equal("9a73b452e03c2c724414f3859fad1c2c", created.Id);
        Assert.Equal("9a73b452e03c2c724414f3859fad1c2c", stored.Id);
    }

    [Fact]
    public async Task AirWaybillsGoOneNumberARequestAndFailEachAlone()
    {
        var sent = new List<Sent>();
        var client = Fixtures.Client(request =>
        {
            lock (sent) sent.Add(Sent.Of(request));
            return sent.Count == 1
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Envelope("""
                    {"awb_number":"784-12345675","awb_status":"transit","status_number":2,"weight":"12","piece":3,"origin":"CAN","destination":"LAX",
                     "track_info":[{"plan_date":"2024-03-01 10:00","actual_date":"2024-03-01 10:05","event":"DEP","station":"CAN","flight_number":"CZ327"}]}
                    """)) }
                : new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new ByteArrayContent(Error(4161, "The awb airline does not support yet.")) };
        }, clock: new FakeClock(), version: ApiVersion.V4);

        var outcomes = await client.GetAirWaybillsAsync(new[] { "784-12345675", "235-23456786" }, "en", Call);

        Assert.Equal(new[] { "/v4/awb", "/v4/awb" }, sent.Select(r => r.PathAndQuery));
        Assert.Equal("""{"awb_number":"784-12345675"}""", sent[0].Body);
        Assert.Equal("""{"awb_number":"235-23456786"}""", sent[1].Body);
        Assert.Equal("784-12345675", outcomes[0].Result!.AirWaybillNumber);
        Assert.Equal(3, outcomes[0].Result!.Pieces);
        Assert.Equal("CZ327", Assert.Single(outcomes[0].Result!.Events).FlightNumber);
        Assert.Equal("235-23456786", outcomes[1].Request);
        Assert.Equal(FailureReason.UnknownCarrier, outcomes[1].Failure!.Reason);
        Assert.Equal(4161, outcomes[1].Failure!.ApiCode);
    }

    [Fact]
    public async Task WithoutABulkFormItemsGoOneARequestAfterOneLookUp()
    {
        var sent = new List<Sent>();
        var client = ById("[" + Listed(IdA, "LX123456789CN", "china-post") + "," + Listed(IdB, "LX223456789CN", "china-post") + "]", sent);
        var items = new[] { "LX123456789CN", "LX223456789CN", "LX323456789CN" }.Select(n => new TrackingIdentity(n, "china-post")).ToArray();

        var outcomes = await client.DeleteTrackingsAsync(items, Call);

        Assert.Equal(new[]
        {
            "GET /v4/trackings/get?tracking_numbers=LX123456789CN%2CLX223456789CN%2CLX323456789CN&pages_amount=1&items_amount=200",
            "DELETE /v4/trackings/delete/" + IdA,
            "DELETE /v4/trackings/delete/" + IdB,
            // The third has no id in the account: its own look-up finds none.
            "GET /v4/trackings/get?tracking_numbers=LX323456789CN&pages_amount=1&items_amount=200",
        }, sent.Select(r => r.Method + " " + r.PathAndQuery));
        Assert.Equal(new[] { OutcomeKind.Succeeded, OutcomeKind.Succeeded, OutcomeKind.Failed }, outcomes.Select(o => o.Kind));
        Assert.Equal(FailureReason.NotFound, outcomes[2].Failure!.Reason);
        Assert.Same(items[2], outcomes[2].Request);
    }

    [Fact]
    public async Task TheCapturedDeleteAnswerIsASuccess()
    {
        var sent = new List<Sent>();
        await Answering(Fixtures.Bytes("v4-delete-captured-2024.json"), sent)
            .DeleteTrackingAsync(new TrackingIdentity("NM391959583BR", "brazil-correios") { Id = "9c2cdcc6651a09e36a7f32cd7828fe78" }, Call);
        Assert.Equal("DELETE /v4/trackings/delete/9c2cdcc6651a09e36a7f32cd7828fe78", Assert.Single(sent).Method + " " + sent[0].PathAndQuery);
    }

    /// <summary>The <paramref name="index"/>th tracking of the captured v4 list, as JSON.</summary>
    private static string ListItem(int index)
    {
        using var document = JsonDocument.Parse(Fixtures.Bytes("v4-list-captured-2023.json"));
        return document.RootElement.GetProperty("data")[index].GetRawText();
    }

    /// <summary>
    /// The body's members as name="text" in the order named (strings quoted, so "1" differs from 1), so a test states
    /// the body without depending on the serializer's order or escaping; a member not named fails.
    /// </summary>
    private static string Canonical(string body, params string[] order)
    {
        using var document = JsonDocument.Parse(body);
        var members = document.RootElement.EnumerateObject().ToDictionary(m => m.Name,
            m => m.Value.ValueKind == JsonValueKind.String ? "\"" + m.Value.GetString() + "\"" : m.Value.GetRawText());
        Assert.Equal(order.OrderBy(n => n), members.Keys.OrderBy(n => n));
        return string.Join(" ", order.Select(name => name + "=" + members[name]));
    }

    internal sealed record Sent(string Method, string PathAndQuery, string? Body, Dictionary<string, string> Headers)
    {
        public static Sent Of(HttpRequestMessage request) => new(request.Method.Method, request.RequestUri!.PathAndQuery,
            request.Content?.ReadAsStringAsync().Result,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }
}
