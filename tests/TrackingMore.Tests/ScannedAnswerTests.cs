using System.Net;
using System.Text;
using TrackingMore.Api;
using TrackingMore.Models;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// The envelope and the list's pages are scanned, not parsed whole (<c>JsonSlices</c>), and the ids a listing met
/// are kept in a table of their own (<see cref="TrackingIdSet"/>): both must read exactly what a whole document
/// would, through the real transport.
/// </summary>
public class ScannedAnswerTests
{
    private static readonly CallContext Call = CallContext.None;

    private static Task<TrackingPage> List(string body) =>
        Fixtures.Client(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") })
            .ListTrackingsAsync(new TrackingListQuery { Page = 4, Limit = 10 }, Call);

    [Fact]
    public async Task DataBeforeMetaAndRepeatedMembersReadAsADocumentWould()
    {
        // A member named twice counts where it last appears, as JsonElement.TryGetProperty has it.
        var page = await List("""
            {"data":{"items":[{"id":"x"}],"total":"7","page":2,"items":[{"id":"a","tracking_number":"N\u0041"},{"id":"b"}]},
             "meta":{"code":500},"meta":{"code":200}}
            """);
        Assert.Equal(new[] { "a", "b" }, page.Items.Select(t => t.Id));
        Assert.Equal("NA", page.Items[0].TrackingNumber);
        Assert.Equal(7, page.Total);
        Assert.Equal(2, page.Page);
        Assert.Equal(10, page.Limit);
    }

    [Theory]
    [InlineData("""{"meta":{"code":200},"data":{"items":[]}} {}""")]
    [InlineData("""{"meta":{"code":200},"data":{"items":[{"id":"a"},{"id":"b",}]}}""")]
    [InlineData("""{"meta":{"code":200},"data":{"items":[{"id":"a"}""")]
    public async Task ABodyThatIsNotOneJsonValueIsRefusedWhereverTheFaultLies(string body)
    {
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => List(body));
        Assert.Equal(FailureReason.InvalidResponse, failure.Reason);
        Assert.Contains("is not JSON", failure.Message);
    }

    [Theory]
    [InlineData("""{"meta":{"code":200}}""")]
    [InlineData("""{"meta":{"code":200},"data":null}""")]
    [InlineData("""{"meta":{"code":200},"data":[ ]}""")]
    [InlineData("""{"meta":{"code":200},"data":{"total":3}}""")]
    [InlineData("""{"meta":{"code":200},"data":{"items":null}}""")]
    public async Task DataOrItemsAbsentMeanAnEmptyPage(string body)
    {
        var page = await List(body);
        Assert.Empty(page.Items);
        Assert.Equal(4, page.Page);
    }

    [Theory]
    [InlineData("""{"meta":{"code":200},"data":"none"}""", "data is a string, not an object with 'items'")]
    [InlineData("""{"meta":{"code":200},"data":[1]}""", "data is a list, not an object with 'items'")]
    [InlineData("""{"meta":{"code":200},"data":{"items":{"id":"a"}}}""", "'items' is an object, not a list")]
    public async Task DataOrItemsOfAnotherKindAreRefused(string body, string problem)
    {
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => List(body));
        Assert.Equal(FailureReason.InvalidResponse, failure.Reason);
        Assert.Contains(problem, failure.Message);
    }

    [Fact]
    public async Task AnEnvelopeWithoutMetaCodeIsRefused()
    {
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => List("""{"data":{"items":[]},"meta":{"type":"Success"}}"""));
        Assert.Contains("has no meta.code", failure.Message);
    }

    [Fact]
    public void TheIdSetStaysExactAsItGrows()
    {
        // Far past its first table (1024 slots), through every growth: each id once, each repeat seen, the zero id too.
        var ids = new TrackingIdSet();
        var random = new Random(17);
        var all = Enumerable.Range(0, 300_000).Select(_ =>
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return Convert.ToHexString(bytes).ToLowerInvariant();
        }).Distinct().ToList();
        all.Add(new string('0', 32));
        foreach (var id in all) Assert.True(ids.Add(id));
        foreach (var id in all) Assert.False(ids.Add(id));
        Assert.Equal(all.Count, ids.Count);
    }
}
