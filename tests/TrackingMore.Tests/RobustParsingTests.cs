using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TrackingMore.Api;
using TrackingMore.Models;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// Thousands of mutated variants of the real fixtures (types swapped, fields missing or null, huge strings, deep
/// nesting, unknown fields, cut or corrupted bytes) go through the client: each gives objects or a
/// TrackingMoreApiException, never another exception, and never hangs. Deterministic: a fixed seed per fixture.
/// </summary>
public class RobustParsingTests
{
    private const int VariantsPerFixture = 400;

    public static TheoryData<string> FixturesWithData => new()
    {
        "list-seed-sample.json", "list-captured-2019.json", "batch-captured-2019.json", "create-sample.json",
        "realtime-sample.json", "delete-single-sample.json", "error-4001.json", "error-429.json",
        "carriers-sample.json", "detect-sample.json", "update-carrier-sample.json", "remote-sample.json", "userinfo-sample.json",
    };

    [Theory]
    [MemberData(nameof(FixturesWithData))]
    public async Task MutatedFixturesGiveObjectsOrApiExceptions(string fixture)
    {
        var original = Fixtures.Bytes(fixture);
        var random = new Random(fixture.GetHashCode(StringComparison.Ordinal) & 0x7fff ^ 20261129);
        var outcomes = new Dictionary<string, int>();
        for (var variant = 0; variant < VariantsPerFixture; variant++)
        {
            var body = variant % 4 == 3 ? MutateBytes(original, random) : MutateJson(original, random);
            var outcome = await Consume(fixture, body);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        // Both outcomes occur: the mutations really do reach the readers and really do break envelopes.
        if (!fixture.StartsWith("error-", StringComparison.Ordinal))
            Assert.True(outcomes.GetValueOrDefault("ok") > 0, fixture + ": no variant was read");
        Assert.True(outcomes.Keys.Any(k => k.StartsWith("api:", StringComparison.Ordinal)), fixture + ": no variant was refused");
    }

    [Fact]
    public async Task DeepNestingIsRefusedAsAnApiException()
    {
        var depth = 10_000;
        var body = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
        Assert.StartsWith("api:", await Consume("list-seed-sample.json", body));
        var nested = "{\"meta\":{\"code\":200},\"data\":{\"items\":[" + new string('[', 60) + new string(']', 60) + "]}}";
        Assert.Equal("ok", await Consume("list-seed-sample.json", Encoding.UTF8.GetBytes(nested)));
    }

    [Fact]
    public async Task HugeStringsAreKept()
    {
        var huge = new string('x', 2_000_000);
        var body = "{\"meta\":{\"code\":200},\"data\":{\"items\":[{\"tracking_number\":\"" + huge + "\",\"status\":\"" + huge + "\"}]}}";
        var page = await Fixtures.Client(_ => Answer(Encoding.UTF8.GetBytes(body))).ListTrackingsAsync(new TrackingListQuery(), CallContext.None);
        Assert.Equal(huge.Length, page.Items[0].TrackingNumber!.Length);
        Assert.Equal(Models.TrackingStatus.Unknown, page.Items[0].Status);
    }

    /// <summary>
    /// A bulk call reports a failed request in its items' outcomes; here it fails like the other calls. An answer
    /// that was read but does not name the item (this one sends none of the capture's numbers) was read all the same.
    /// </summary>
    private static async Task FirstFailureThrown<T>(Task<IReadOnlyList<TrackingOutcome<T>>> outcomes) where T : TrackingIdentity
    {
        if ((await outcomes)[0].Failure is { Reason: not FailureReason.NotInAnswer } failure) throw failure;
    }

    /// <summary>Sends the body to the endpoint whose answer the fixture is; names the outcome.</summary>
    private static async Task<string> Consume(string fixture, byte[] body)
    {
        var client = Fixtures.Client(_ => Answer(body));
        var call = CallContext.None;
        Task work = fixture switch
        {
            "batch-captured-2019.json" => FirstFailureThrown(client.CreateTrackingsAsync([new NewTrackingRequest("a", "dhl")], call)),
            "create-sample.json" => client.CreateTrackingAsync(new NewTrackingRequest("a", "dhl"), call),
            "realtime-sample.json" => client.GetTrackingAsync(new TrackingIdentity("a", "dhl"), null, call),
            "delete-single-sample.json" => client.DeleteTrackingAsync(new TrackingIdentity("a", "dhl"), call),
            "carriers-sample.json" => client.ListCarriersAsync(call),
            "detect-sample.json" => client.DetectCarrierAsync("RR123456789CN", call),
            "update-carrier-sample.json" => client.ChangeCarrierAsync(new CarrierChangeRequest("a", "dhl", "ups"), call),
            "remote-sample.json" => client.CheckRemoteAreasAsync([new RemoteAreaRequest("JP", "7621094", "ups"), new RemoteAreaRequest("DE", "10115", null)], call),
            "userinfo-sample.json" => client.GetAccountAsync(call),
            _ => client.ListTrackingsAsync(new TrackingListQuery(), call),
        };
        try
        {
            await work.WaitAsync(TimeSpan.FromSeconds(20));
            return "ok";
        }
        catch (TrackingMoreApiException failure)
        {
            return "api:" + failure.Reason;
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException("A variant of " + fixture + " hung: " + Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(300, body.Length))));
        }
        catch (Exception other)
        {
            throw new Xunit.Sdk.XunitException("A variant of " + fixture + " threw " + other.GetType().Name + ": " + other.Message +
                                                "\nBody: " + Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(600, body.Length))), other);
        }
    }

    private static HttpResponseMessage Answer(byte[] body) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };

    private static byte[] MutateJson(byte[] original, Random random)
    {
        var root = JsonNode.Parse(original)!;
        var mutations = 1 + random.Next(4);
        for (var i = 0; i < mutations; i++)
        {
            var nodes = AllNodes(root).ToList();
            var target = nodes[random.Next(nodes.Count)];
            var parent = target.Parent;
            if (parent is null) continue;
            var replacement = random.Next(10) switch
            {
                0 => null,
                1 => JsonValue.Create(random.Next(-5, 100000)),
                2 => JsonValue.Create(random.NextDouble() * 1e300 * (random.Next(2) == 0 ? -1 : 1)),
                3 => JsonValue.Create(random.Next(2) == 0),
                4 => JsonValue.Create(new string((char)random.Next(0x20, 0x3000), random.Next(0, 100_000))),
                5 => new JsonArray(JsonValue.Create("x"), JsonValue.Create(1), null),
                6 => new JsonObject { ["unknown_" + random.Next(1000)] = JsonValue.Create("v"), ["nested"] = new JsonObject { ["n"] = 1 } },
                7 => JsonValue.Create(""),
                8 => JsonValue.Create("2015-13-45 99:99"),
                _ => Nest(random.Next(1, 40)),
            };
            switch (parent)
            {
                case JsonObject parentObject:
                    var name = target.GetPropertyName();
                    if (random.Next(5) == 0) parentObject.Remove(name);
                    else parentObject[name] = replacement;
                    if (random.Next(4) == 0) parentObject["extra_" + random.Next(1000)] = JsonValue.Create(random.Next());
                    break;
                case JsonArray parentArray:
                    var index = target.GetElementIndex();
                    if (random.Next(5) == 0) parentArray.RemoveAt(index);
                    else parentArray[index] = replacement;
                    break;
            }
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static byte[] MutateBytes(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(3))
        {
            case 0: return bytes.AsSpan(0, random.Next(bytes.Length)).ToArray(); // truncated
            case 1:
                for (var i = 0; i < 1 + random.Next(8); i++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            default:
                return Encoding.UTF8.GetBytes("<html><body><h1>502 Bad Gateway</h1></body></html>");
        }
    }

    private static JsonNode Nest(int depth)
    {
        JsonNode node = JsonValue.Create(depth);
        for (var i = 0; i < depth; i++) node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["d"] = node };
        return node;
    }

    private static IEnumerable<JsonNode> AllNodes(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(pair => pair.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children)
            if (child != null)
                foreach (var descendant in AllNodes(child)) yield return descendant;
    }
}
