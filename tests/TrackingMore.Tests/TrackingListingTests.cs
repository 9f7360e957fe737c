using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using TrackingMore.Api;
using TrackingMore.Models;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// The paging rules of <see cref="TrackingListing"/> against a stub server that decides each page's ids: what is
/// handed out, what is remembered, and when a listing is refused instead of paged for ever.
/// </summary>
public class TrackingListingTests
{
    /// <summary>A list endpoint whose page p holds the ids <paramref name="page"/> gives, with <paramref name="total"/> as its total.</summary>
    private static (TrackingMoreClient Client, List<int> Pages) Server(Func<int, IEnumerable<string>> page, long total)
    {
        var asked = new List<int>();
        var client = Fixtures.Client(request =>
        {
            var number = int.Parse(Regex.Match(request.RequestUri!.Query, @"page=(\d+)").Groups[1].Value);
            lock (asked) asked.Add(number);
            var items = string.Join(",", page(number).Select(id => "{\"id\":\"" + id + "\",\"tracking_number\":\"N" + id + "\",\"carrier_code\":\"dhl\"}"));
            var json = "{\"meta\":{\"code\":200},\"data\":{\"page\":" + number + ",\"total\":\"" + total + "\",\"items\":[" + items + "]}}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        });
        return (client, asked);
    }

    private static IEnumerable<string> Ids(int from, int count) => Enumerable.Range(from, count).Select(i => "id" + i);

    private static async Task<List<Tracking>> ReadAll(TrackingListing listing)
    {
        var all = new List<Tracking>();
        while (await listing.NextAsync(CallContext.None) is { } page) all.AddRange(page.Items);
        return all;
    }

    private static TrackingListing Listing(TrackingMoreClient client, int limit, int skip = 0) =>
        new(client, new TrackingListQuery { Limit = limit }, skip);

    [Fact]
    public async Task EveryPageIsReadUntilTheTotalAndNothingTwice()
    {
        var (client, pages) = Server(p => Ids((p - 1) * 10, p <= 3 ? 10 : 0), 30);
        var all = await ReadAll(Listing(client, 10));
        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Select(t => t.Id).Distinct().Count());
        Assert.Equal(new[] { 1, 2, 3 }, pages);
    }

    [Fact]
    public async Task AnItemRepeatedOnEveryPageIsHandedOutOnce()
    {
        // "id0" comes first on every page, as a server with a stuck item would send it.
        var (client, _) = Server(p => new[] { "id0" }.Concat(Ids(p * 100, 9)), 50);
        var all = await ReadAll(Listing(client, 10));
        Assert.Single(all, t => t.Id == "id0");
        Assert.Equal(all.Count, all.Select(t => t.Id).Distinct().Count());
        Assert.Equal(1 + 5 * 9, all.Count);
    }

    [Fact]
    public async Task AnOverlapWithThePreviousPageIsSkipped()
    {
        // A deletion moved every page forward by two: each page starts with the last two of the one before.
        var (client, _) = Server(p => Ids((p - 1) * 8, p <= 3 ? 10 : 0), 30);
        var all = await ReadAll(Listing(client, 10));
        Assert.Equal(all.Count, all.Select(t => t.Id).Distinct().Count());
        Assert.Equal(26, all.Count);
    }

    [Fact]
    public async Task AFullPageThatAddsNothingStopsTheListing()
    {
        var (client, pages) = Server(_ => Ids(0, 10), 1000);
        var listing = Listing(client, 10);
        Assert.Equal(10, (await listing.NextAsync(CallContext.None))!.Items.Count);
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => listing.NextAsync(CallContext.None));
        Assert.Equal("TrackingMore.PagingInconsistent", failure.ErrorId);
        Assert.Contains("page 2", failure.Message);
        Assert.Equal(new[] { 1, 2 }, pages);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task PagesThatCycleStopTheListingOnTheFirstPageThatComesAgain(int cycle)
    {
        // A, B, A, B ... or A, B, C, A ...: each page full and valid on its own, the total far away.
        var (client, pages) = Server(p => Ids(((p - 1) % cycle) * 10, 10), 1_000_000);
        var listing = Listing(client, 10);
        var handedOut = new List<Tracking>();
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(async () =>
        {
            while (await listing.NextAsync(CallContext.None) is { } page) handedOut.AddRange(page.Items);
        });
        Assert.Equal("TrackingMore.PagingInconsistent", failure.ErrorId);
        Assert.Equal(cycle * 10, handedOut.Select(t => t.Id).Distinct().Count());
        Assert.Equal(cycle * 10, handedOut.Count);
        Assert.Equal(cycle + 1, pages.Count);
    }

    [Fact]
    public void TheIdSetIsExactForHexIdsAndOthers()
    {
        var ids = new TrackingIdSet();
        Assert.True(ids.Add("009e9a8a6450cb5ce4b53ac75674fe78"));
        Assert.False(ids.Add("009e9a8a6450cb5ce4b53ac75674fe78"));
        Assert.True(ids.Add("009E9A8A6450CB5CE4B53AC75674FE78"));   // another text, another id
        Assert.True(ids.Add("009e9a8a6450cb5ce4b53ac75674fe79"));
        Assert.True(ids.Add("id1"));
        Assert.False(ids.Add("id1"));
        Assert.Equal(4, ids.Count);
    }

    [Fact]
    public async Task APageLargerThanTheLimitIsRefusedWhole()
    {
        var (client, _) = Server(p => Ids(p * 100, 12), 1000);
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => Listing(client, 10).NextAsync(CallContext.None));
        Assert.Equal("TrackingMore.PagingInconsistent", failure.ErrorId);
        Assert.Contains("holds 12 trackings, more than the 10 asked for", failure.Message);
    }

    [Fact]
    public async Task PagesPastTheFirstTotalByMoreThanAPageAreNotAskedFor()
    {
        // Fresh, full pages for ever, while the total each page reports keeps ahead of the client.
        var total = 25L;
        var asked = new List<int>();
        var client = Fixtures.Client(request =>
        {
            var number = int.Parse(Regex.Match(request.RequestUri!.Query, @"page=(\d+)").Groups[1].Value);
            asked.Add(number);
            total += 10;
            var items = string.Join(",", Ids(number * 100, 10).Select(id => "{\"id\":\"" + id + "\"}"));
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"meta\":{\"code\":200},\"data\":{\"total\":\"" + total + "\",\"items\":[" + items + "]}}", Encoding.UTF8, "application/json"),
            };
        });
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => ReadAll(Listing(client, 10)));
        Assert.Equal("TrackingMore.PagingInconsistent", failure.ErrorId);
        Assert.Contains("past the 35 trackings the first page reported", failure.Message);
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, asked);
    }

    [Fact]
    public async Task SkipLeavesOutTheFirstItemsOfTheFirstPageOnly()
    {
        var (client, pages) = Server(p => Ids((p - 1) * 10, 10), 100);
        var listing = Listing(client, 10, skip: 3);
        var first = await listing.NextAsync(CallContext.None);
        Assert.Equal(Ids(3, 7), first!.Items.Select(t => t.Id));
        Assert.Equal(100, first.Total);
        Assert.Equal(Ids(10, 10), (await listing.NextAsync(CallContext.None))!.Items.Select(t => t.Id));
        Assert.Equal(new[] { 1, 2 }, pages);
    }
}
