using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using TrackingMore.Api;
using TrackingMore.Models;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// The page arithmetic of <see cref="ITrackingMoreClient.ListAsync"/> (Get-Tracking's -Skip, -First, -PageSize, -All)
/// against a stub list endpoint that pages a fixed account the way the service does: which pages are asked for, at
/// which size, and which trackings are handed out. The list's rate gate runs on a simulated clock.
/// </summary>
public class TrackingListWalkTests
{
    private sealed record Asked(int Page, int Limit, string? Status, bool Pinned);

    /// <summary>
    /// A list endpoint over <paramref name="totals"/> trackings a status ("" for the unfiltered list): item i of status s
    /// has the id s + i, newest first, and page p of limit l holds items (p-1)*l to p*l-1.
    /// </summary>
    private static (ITrackingMoreClient Client, List<Asked> Asked) Account(params (string Status, int Total)[] totals)
    {
        var asked = new List<Asked>();
        var client = Fixtures.Client(request =>
        {
            var query = request.RequestUri!.Query;
            string? Field(string name) => Regex.Match(query, "[?&]" + name + "=([^&]*)") is { Success: true } match ? match.Groups[1].Value : null;
            var page = int.Parse(Field("page")!);
            var limit = int.Parse(Field("limit")!);
            var status = Field("status");
            lock (asked) asked.Add(new Asked(page, limit, status, Field("created_at_max") != null));
            var total = totals.Single(entry => entry.Status == (status ?? "")).Total;
            var ids = Enumerable.Range((page - 1) * limit, Math.Max(0, Math.Min(limit, total - (page - 1) * limit))).Select(i => status + i);
            var items = string.Join(",", ids.Select(id => "{\"id\":\"" + id + "\",\"tracking_number\":\"N" + id + "\",\"carrier_code\":\"dhl\"}"));
            var json = "{\"meta\":{\"code\":200},\"data\":{\"page\":" + page + ",\"limit\":" + limit + ",\"total\":\"" + total + "\",\"items\":[" + items + "]}}";
            var answer = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            answer.Headers.Date = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
            return answer;
        }, clock: new FakeClock());
        return (client, asked);
    }

    private static async Task<List<string>> Ids(TrackingListWalk walk)
    {
        var ids = new List<string>();
        await foreach (var page in walk) ids.AddRange(page.Items.Select(tracking => tracking.Id!));
        return ids;
    }

    private static IEnumerable<string> Range(string prefix, int from, int count) => Enumerable.Range(from, count).Select(i => prefix + i);

    private static TrackingListQuery[] Unfiltered => new[] { new TrackingListQuery() };

    [Fact]
    public async Task SkipAcrossPageBoundariesAsksNoPageItPassesOverWhole()
    {
        var (client, asked) = Account(("", 25));
        var walk = client.ListAsync(Unfiltered, new TrackingListRange { Skip = 12, PageSize = 5, AllPages = true }, CallContext.None);
        Assert.Equal(Range("", 12, 13), await Ids(walk));
        // Pages 1 and 2 hold items 0-9 and are never asked for; page 3 is read from its third item on.
        Assert.Equal(new[] { 3, 4, 5 }, asked.Select(request => request.Page));
        Assert.All(asked, request => Assert.Equal(5, request.Limit));
        Assert.Equal(13UL, walk.HandedOut);
    }

    [Fact]
    public async Task FirstSmallerThanAPageIsOneRequestCutShort()
    {
        var (client, asked) = Account(("", 25));
        Assert.Equal(Range("", 0, 3), await Ids(client.ListAsync(Unfiltered, new TrackingListRange { First = 3, PageSize = 10 }, CallContext.None)));
        Assert.Equal(new Asked(1, 10, null, false), Assert.Single(asked));
    }

    [Fact]
    public async Task WithoutAPageSizeSkipAndFirstAskForJustEnough()
    {
        var (client, asked) = Account(("", 25));
        Assert.Equal(Range("", 5, 10), await Ids(client.ListAsync(Unfiltered, new TrackingListRange { Skip = 5, First = 10 }, CallContext.None)));
        Assert.Equal(new Asked(1, 15, null, false), Assert.Single(asked));
    }

    [Fact]
    public async Task FirstBeyondOnePagePagesOnAndStopsThereWithLaterPagesPinned()
    {
        var (client, asked) = Account(("", 25));
        var walk = client.ListAsync(Unfiltered, new TrackingListRange { First = 12, PageSize = 5 }, CallContext.None);
        Assert.Equal(Range("", 0, 12), await Ids(walk));
        Assert.Equal(new[] { new Asked(1, 5, null, false), new Asked(2, 5, null, true), new Asked(3, 5, null, true) }, asked);
        Assert.False(walk.MorePages);
    }

    [Fact]
    public async Task FirstPlusSkipOverTheEndHandsOutWhatIsThereAndAsksNoFurther()
    {
        var (client, asked) = Account(("", 25));
        Assert.Equal(Range("", 20, 5), await Ids(client.ListAsync(Unfiltered, new TrackingListRange { Skip = 20, First = 10, PageSize = 10 }, CallContext.None)));
        Assert.Equal(new[] { 3 }, asked.Select(request => request.Page));

        asked.Clear();
        Assert.Empty(await Ids(client.ListAsync(Unfiltered, new TrackingListRange { Skip = 30, First = 10, PageSize = 10 }, CallContext.None)));
        Assert.Equal(new[] { 4 }, asked.Select(request => request.Page));
    }

    [Fact]
    public async Task WithoutFirstOrAllOnlyOnePageOfTheDefaultSizeIsRead()
    {
        var (client, asked) = Account(("", 250));
        var walk = client.ListAsync(Unfiltered, new TrackingListRange { Skip = 120 }, CallContext.None);
        Assert.Equal(Range("", 120, 80), await Ids(walk));
        Assert.Equal(new Asked(2, TrackingListRange.DefaultPageSize, null, false), Assert.Single(asked));
    }

    [Fact]
    public async Task AllPagesWithoutAPageSizeAsksTheLargestPages()
    {
        var (client, asked) = Account(("", 2500));
        Assert.Equal(2500, (await Ids(client.ListAsync(Unfiltered, new TrackingListRange { AllPages = true }, CallContext.None))).Count);
        Assert.Equal(new[] { new Asked(1, 2000, null, false), new Asked(2, 2000, null, true) }, asked);
    }

    [Fact]
    public async Task SkipAndFirstCountAcrossListingsAsOneList()
    {
        var (client, asked) = Account(("transit", 3), ("delivered", 5));
        var listings = new[] { new TrackingListQuery { Status = TrackingStatus.Transit }, new TrackingListQuery { Status = TrackingStatus.Delivered } };
        var walk = client.ListAsync(listings, new TrackingListRange { Skip = 4, First = 2 }, CallContext.None);
        // The transit listing (3) is passed over whole, and its reported total carries the skip's last one on.
        Assert.Equal(new[] { "delivered1", "delivered2" }, await Ids(walk));
        Assert.Equal(new[] { new Asked(1, 6, "transit", false), new Asked(1, 3, "delivered", false) }, asked);
        Assert.Equal(1, walk.Listing);
    }

    [Fact]
    public async Task FirstEndsTheWalkInTheListingWhereItIsReached()
    {
        var (client, asked) = Account(("transit", 3), ("delivered", 5));
        var listings = new[] { new TrackingListQuery { Status = TrackingStatus.Transit }, new TrackingListQuery { Status = TrackingStatus.Delivered } };
        Assert.Equal(new[] { "transit1", "transit2" }, await Ids(client.ListAsync(listings, new TrackingListRange { Skip = 1, First = 2 }, CallContext.None)));
        Assert.Equal(new[] { "transit" }, asked.Select(request => request.Status));
    }

    [Fact]
    public async Task AFailedPageIsNamedByTheWalk()
    {
        var calls = 0;
        var client = Fixtures.Client(_ => ++calls == 1
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Fixtures.Envelope("{\"page\":1,\"total\":\"30\",\"items\":[" +
                string.Join(",", Range("id", 0, 10).Select(id => "{\"id\":\"" + id + "\"}")) + "]}")) }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Fixtures.Bytes("error-4001.json")) }, clock: new FakeClock());
        var walk = client.ListAsync(Unfiltered, new TrackingListRange { PageSize = 10, AllPages = true }, CallContext.None);
        var handed = new List<TrackingPage>();
        await Assert.ThrowsAsync<TrackingMoreApiException>(async () =>
        {
            await foreach (var page in walk) handed.Add(page);
        });
        Assert.Single(handed);
        Assert.Equal((2, 1), (walk.NextPage, walk.PagesRead));
    }

    [Fact]
    public void APageSizeOutsideTheListsLimitIsRefused()
    {
        var (client, _) = Account(("", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.ListAsync(Unfiltered, new TrackingListRange { PageSize = 2001 }, CallContext.None));
    }
}
