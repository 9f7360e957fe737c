using System.Text.Json;
using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// The carrier codes the documentation, the official samples and the captured answers use are all known, each
/// with name, type and country; and detection only ever names carriers the list has.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CarrierTests(EmulatorProcess emulator)
{
    public static TheoryData<string> RecordedCodes()
    {
        var data = new TheoryData<string>();
        foreach (var code in ApiRecord.DocumentedCarrierCodes.Union(Fixtures.CarrierCodes()).Order(StringComparer.Ordinal)) data.Add(code);
        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedCodes))]
    public async Task EveryRecordedCodeIsListedWithNameTypeAndCountry(string code)
    {
        var carriers = await emulator.GetAsync("carriers");

        var carrier = carriers.Data.EnumerateArray().SingleOrDefault(c => c.GetProperty("code").GetString() == code);
        Assert.True(carrier.ValueKind == JsonValueKind.Object, $"/carriers lists {code}");
        Assert.False(string.IsNullOrWhiteSpace(carrier.GetProperty("name").GetString()));
        Assert.Contains(carrier.GetProperty("type").GetString(), new[] { "express", "globalpost" });
        Assert.Matches("^[A-Z]{2}$", carrier.GetProperty("country").GetString());
    }

    [Theory]
    [MemberData(nameof(RecordedCodes))]
    public async Task EveryRecordedCodeTakesTrackings(string code)
    {
        var number = Numbers.Next();

        Check.Success(await emulator.PostAsync("trackings/post", Numbers.CreateJson(number, code)));
        Check.Success(await emulator.GetAsync($"trackings/{code}/{number}"));
        Check.Success(await emulator.SendAsync(HttpMethod.Delete, $"trackings/{code}/{number}"));
    }

    [Fact]
    public async Task TheItalianMerchantsCarriersAreItalian()
    {
        var carriers = (await emulator.GetAsync("carriers")).Data.EnumerateArray()
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("country").GetString());

        foreach (var code in new[] { "poste-italiane", "nexive", "gls-italy", "bartolini", "tnt-it", "sgt-it", "italy-sda" })
            Assert.Equal("IT", carriers[code]);
        Assert.Equal("DE", carriers["deutsch-post"]);
        Assert.Equal("NL", carriers["postnl-3s"]);
    }

    [Theory]
    [InlineData("RR123456785DE", "deutsch-post")]
    [InlineData("RR123456785IT", "poste-italiane")]
    [InlineData("RR123456785NL", "netherlands-post")]
    [InlineData("3SABCD123456789", "postnl-3s")]
    [InlineData("RR123456785CN", "china-post")]
    [InlineData("EE123456785CN", "china-ems")]
    [InlineData("1Z999AA10123456784", "ups")]
    [InlineData("9400111899223197428490", "usps")]
    [InlineData("1234567890", "dhl")]
    [InlineData("51837622007298", "bestex")]
    public async Task DetectionNamesTheCarrierOfTheNumbersShape(string number, string code)
    {
        var answer = await emulator.PostAsync("carriers/detect", $$"""{"tracking_number":"{{number}}"}""");

        Check.Success(answer);
        Assert.Equal(code, answer.Data[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task DetectionNamesOnlyListedCarriersWithTheirListedNames()
    {
        var listed = (await emulator.GetAsync("carriers")).Data.EnumerateArray()
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("name").GetString());
        string[] numbers =
        [
            "RR123456785DE", "RR123456785IT", "RR123456785NL", "RR123456785PH", "RR123456785LT", "RR123456785KR", "RR123456785HK",
            "3SABCD123456789", "EE123456785CN", "1Z999AA10123456784", "9400111899223197428490", "1234567890", "123456789012",
            "51837622007298", "00340434161234567890", "YT1234567890123456", "4PX1234567890CN", "6A12345678901",
        ];
        foreach (var number in numbers)
        {
            var answer = await emulator.PostAsync("carriers/detect", $$"""{"tracking_number":"{{number}}"}""");
            Check.Success(answer);
            foreach (var candidate in answer.Data.EnumerateArray())
            {
                var code = candidate.GetProperty("code").GetString()!;
                Assert.True(listed.ContainsKey(code), $"{number}: detected {code} is not in /carriers");
                Assert.Equal(listed[code], candidate.GetProperty("name").GetString());
            }
        }
    }
}
