using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// What the clients TrackingMore and others published for v2 send (api-v2.md): list filters as a JSON body on GET
/// or POST, a trailing slash on /carriers/, chunked bodies, a Lang header, comma lists, status as 7 or "7".
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ClientRequestShapeTests(EmulatorProcess emulator)
{
    private async Task<string[]> CreateAsync(int count)
    {
        var numbers = new string[count];
        for (var i = 0; i < count; i++) numbers[i] = await emulator.CreateAsync();
        return numbers;
    }

    private static string[] NumbersOf(Answer page) =>
        page.Data.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("tracking_number").GetString()!).Order().ToArray();

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task ListFiltersTravelAsAJsonBody(string method)
    {
        var numbers = await CreateAsync(3);

        var answer = await emulator.SendAsync(new HttpMethod(method), "trackings/get",
            $$"""{"page":1,"limit":2,"numbers":"{{string.Join(",", numbers)}}","lang":"en"}""");

        Check.Success(answer);
        Assert.Equal(("3", 2, 2), (answer.Data.GetProperty("total").GetString(), answer.Data.GetProperty("limit").GetInt32(), answer.Data.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task CommaListsWorkInTheQueryAndAsJsonArrays()
    {
        var numbers = await CreateAsync(2);

        var query = await emulator.GetAsync("trackings/get?numbers=" + string.Join(",", numbers));
        var array = await emulator.SendAsync(HttpMethod.Post, "trackings/get", $$"""{"numbers":["{{numbers[0]}}","{{numbers[1]}}"]}""");

        Assert.Equal(numbers.Order().ToArray(), NumbersOf(query));
        Assert.Equal(numbers.Order().ToArray(), NumbersOf(array));
    }

    [Theory]
    [InlineData("carriers/")]
    [InlineData("carriers")]
    public async Task TheCarrierListTakesATrailingSlashAndALangHeader(string path)
    {
        var plain = await emulator.GetAsync("carriers");

        var answer = await emulator.SendAsync(HttpMethod.Get, path, adjust: r => r.Headers.Add("Lang", "cn"));

        Assert.Equal(200, answer.Code);
        Assert.Equal(plain.Data.GetRawText(), answer.Data.GetRawText());
    }

    [Fact]
    public async Task AChunkedBodyIsReadWhole()
    {
        var number = Numbers.Next();
        var content = EmulatorProcess.Chunked(Numbers.CreateJson(number));
        Assert.Null(content.Headers.ContentLength);

        var answer = await emulator.SendAsync(HttpMethod.Post, "trackings/post", adjust: r => r.Content = content);

        Check.Success(answer);
        Assert.Equal(number, answer.Data.GetProperty("tracking_number").GetString());
    }

    [Theory]
    [InlineData("7")]
    [InlineData("\"7\"")]
    public async Task StatusTravelsAsANumberOrAString(string status)
    {
        var numbers = await CreateAsync(2);

        var put = await emulator.SendAsync(HttpMethod.Put, "trackings/china-post/" + numbers[0], $$"""{"status":{{status}}}""");
        var bulk = await emulator.PostAsync("trackings/updatemore", $$"""[{"tracking_number":"{{numbers[1]}}","carrier_code":"china-post","status":{{status}}}]""");

        Check.Success(put);
        Assert.Equal("exception", put.Data.GetProperty("status").GetString());
        Check.Success(bulk);
        Assert.Equal("exception", Assert.Single(bulk.Data.GetProperty("trackings").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ArchivedTravelsAsTheStringsTrueAndFalse()
    {
        var numbers = await CreateAsync(1);

        var answer = await emulator.SendAsync(HttpMethod.Put, "trackings/china-post/" + numbers[0], """{"archived":"true"}""");
        var archived = await emulator.GetAsync($"trackings/get?archived=true&numbers={numbers[0]}");
        var current = await emulator.GetAsync($"trackings/get?archived=false&numbers={numbers[0]}");

        Check.Success(answer);
        Assert.Equal(numbers, NumbersOf(archived));
        Assert.Empty(NumbersOf(current));
    }
}
