using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// Paging /v4/trackings/get by hand: pages_amount 1, 2, ... until an empty page. A short page is not the end
/// (items_amount is capped at 200, so asking 500 gets pages of 200): only the empty page is.
/// </summary>
public sealed class V4PagingTests
{
    private static async Task<(List<string> Ids, int Pages, int Requests)> PageToTheEndAsync(EmulatorProcess emulator, int size, int expected)
    {
        var ids = new List<string>();
        var requests = 0;
        for (var page = 1; ; page++)
        {
            var answer = await emulator.SendV4Async(HttpMethod.Get, $"trackings/get?pages_amount={page}&items_amount={size}");
            requests++;
            if (answer.HttpStatus == 429)
            {
                // The limit is 10 a second; a client waits and asks the same page again.
                await Task.Delay(1000);
                page--;
                continue;
            }
            V4Record.Meta(answer, 200);
            var items = answer.Data.EnumerateArray().ToList();
            Assert.True(items.Count <= Math.Min(size, 200), $"page {page} of size {size} has {items.Count} items");
            if (items.Count == 0) return (ids, page, requests);
            ids.AddRange(items.Select(t => t.GetProperty("id").GetString()!));
            Assert.True(ids.Count <= expected, $"more than {expected} items at size {size}");
        }
    }

    [Fact]
    public async Task EveryTrackingOfA5000AccountIsSeenOnceThenAnEmptyPage()
    {
        var emulator = new EmulatorProcess("--seed", "5000");
        await emulator.InitializeAsync();
        try
        {
            foreach (var size in (int[])[100, 200, 500])
            {
                var (ids, pages, _) = await PageToTheEndAsync(emulator, size, 5000);

                Assert.Equal(5000, ids.Count);
                Assert.Equal(5000, ids.Distinct(StringComparer.Ordinal).Count());
                Assert.Equal(5000 / Math.Min(size, 200) + 1, pages);
            }
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task PagingEndsOnTheEmptyPageAtEveryPageSize()
    {
        var emulator = new EmulatorProcess("--seed", "40");
        await emulator.InitializeAsync();
        try
        {
            foreach (var size in (int[])[1, 7, 39, 40, 41, 200])
            {
                var (ids, pages, _) = await PageToTheEndAsync(emulator, size, 40);

                Assert.Equal(40, ids.Distinct(StringComparer.Ordinal).Count());
                Assert.Equal(40, ids.Count);
                Assert.Equal((40 + size - 1) / size + 1, pages);
            }
            // No items_amount: 100; a page past the end is empty.
            var all = await emulator.SendV4Async(HttpMethod.Get, "trackings/get");
            Assert.Equal(40, all.Data.GetArrayLength());
            Assert.Equal("[]", (await emulator.SendV4Async(HttpMethod.Get, "trackings/get?pages_amount=999999999999")).Data.GetRawText());
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }
}
