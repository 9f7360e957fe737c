using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>One authenticated /v2 or /v4 request as the endpoints see it.</summary>
internal sealed class IncomingRequest
{
    public required HttpContext Http { get; init; }
    public required EmulatorState State { get; init; }
    public required Account Account { get; init; }
    public required RequestRecord Record { get; init; }
    public required byte[] Body { get; init; }

    /// <summary>Path segments below /v2 or /v4, each percent-decoded on its own (so %2F inside a number stays in it).</summary>
    public required string[] Segments { get; init; }

    /// <summary>Simulated now, read once so that one answer is consistent with itself.</summary>
    public required long Now { get; init; }

    /// <summary>The fault rule that matched this request and lets it be processed (delay, list shapes…), if any.</summary>
    public FaultRule? Fault { get; init; }

    public TrackingStore Store => State.Store;

    /// <summary>An error answer: the code's verbatim type and message, <c>data: []</c>.</summary>
    public Task Fail(int code) =>
        Envelope.WriteAsync(Http, Record, State.Options.HttpErrors, code, null, null);

    /// <param name="message">null: the code's usual text (see <see cref="ApiCodes.Describe"/>).</param>
    public Task Reply(int code, Action<Utf8JsonWriter> data, bool metaCodeOnly = false, string? message = null) =>
        Envelope.WriteAsync(Http, Record, State.Options.HttpErrors, code, message, w =>
        {
            data(w);
            return Task.CompletedTask;
        }, metaCodeOnly);

    /// <summary>For large answers that flush as they go.</summary>
    public Task ReplyStreaming(int code, Func<Utf8JsonWriter, Task> data) =>
        Envelope.WriteAsync(Http, Record, State.Options.HttpErrors, code, null, data);

    /// <summary>The body as JSON; a non-zero code (4012 empty, 4015 not JSON) when it cannot be read.</summary>
    public int TryReadJson(out JsonElement root) => Inputs.RefusalCode(Inputs.ReadJson(Body, out root));

    /// <summary>The body as a JSON array of at most 40 items (4012 when not an array or empty, 4020 when longer).</summary>
    public int TryReadBulk(out List<JsonElement> items)
    {
        items = [];
        var code = TryReadJson(out var root);
        if (code != 0) return code;
        if (root.ValueKind != JsonValueKind.Array) return ApiCodes.MissingParameters;
        items = root.EnumerateArray().ToList();
        if (items.Count == 0) return ApiCodes.MissingParameters;
        return items.Count > ApiCodes.BulkLimit ? ApiCodes.TooMany : 0;
    }
}
