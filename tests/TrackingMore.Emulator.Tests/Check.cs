using System.Text.Json;
using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>Assertions on envelopes, against <see cref="ApiRecord"/>.</summary>
public static class Check
{
    /// <summary>The look-up endpoints whose 200 answers carry the status-code page's text (remote-sample.json).</summary>
    private static readonly string[] StatusPageSuccessPaths = ["trackings/remote", "trackings/costtime", "trackings/aircargo"];

    /// <summary>meta is exactly {code, type, message} with the record's type and message for that code.</summary>
    public static void Meta(Answer answer, int code)
    {
        Assert.Equal(["meta", "data"], Shape.Keys(answer.Root));
        Assert.Equal(["code", "type", "message"], Shape.Keys(answer.Meta));
        Assert.Equal(code, answer.Code);
        var (type, message) = ApiRecord.Meta[code];
        if (code == 200 && !StatusPageSuccessPaths.Contains(answer.Path)) message = ApiRecord.CapturedSuccessMessage;
        Assert.Equal(type, answer.Meta.GetProperty("type").GetString());
        Assert.Equal(message, answer.Meta.GetProperty("message").GetString());
        // Errors travel with HTTP 200 unless --http-errors is given.
        Assert.Equal(200, answer.HttpStatus);
    }

    /// <summary>An error: the record's meta for the code and <c>data: []</c>.</summary>
    public static void Error(Answer answer, int code)
    {
        Meta(answer, code);
        Assert.Equal(JsonValueKind.Array, answer.Data.ValueKind);
        Assert.Equal(0, answer.Data.GetArrayLength());
    }

    public static void Success(Answer answer, int code = 200) => Meta(answer, code);

    /// <summary>The full form covers every captured tracking (each is a trimmed capture) with nothing undocumented.</summary>
    public static void FullForm(JsonElement tracking)
    {
        Shape.AssertMatches(Fixtures.Data("list-captured-2019.json").GetProperty("items")[0], tracking, Shape.Tracking, "tracking", "items");
        foreach (var item in Fixtures.Data("list-seed-sample.json").GetProperty("items").EnumerateArray())
            Shape.AssertMatches(item, tracking, Shape.Tracking, "tracking", "items");
        Shape.AssertMatches(Fixtures.Data("realtime-sample.json").GetProperty("items")[0], tracking, Shape.Tracking, "tracking", "items");
    }

    /// <summary>The short record of a tracking the carrier was not asked about yet: the create sample's keys.</summary>
    public static void ShortForm(JsonElement tracking)
    {
        Shape.AssertMatches(Fixtures.Data("create-sample.json"), tracking, Shape.Exact, "tracking", "items");
        Assert.Equal("pending", tracking.GetProperty("status").GetString());
        Assert.True(Shape.Keys(tracking).Count < 10, "a real client tests len(data) >= 10 to see whether results exist");
    }
}
