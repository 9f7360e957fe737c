namespace TrackingMore.Emulator;

/// <summary>GET /carriers and POST /carriers/detect.</summary>
internal static class CarrierEndpoints
{
    /// <summary>The carrier list. Its success meta carries only the code, as the real one does.</summary>
    public static Task List(IncomingRequest r) => r.Reply(ApiCodes.Success, w =>
    {
        w.WriteStartArray();
        foreach (var c in Carriers.All)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteString("code", c.Code);
            w.WriteString("phone", c.Phone);
            w.WriteString("homepage", c.Homepage);
            w.WriteString("type", c.Type);
            w.WriteString("picture", Carriers.Picture(c));
            w.WriteString("country", c.Country);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }, metaCodeOnly: true);

    /// <summary>{tracking_number} → [{name, code}] by number pattern; 4032 when nothing matches.</summary>
    public static Task Detect(IncomingRequest r)
    {
        var code = r.TryReadJson(out var body);
        var number = code == 0 ? Inputs.Text(body, "tracking_number") : null;
        if (code == 0) code = Inputs.CheckNumber(number);
        if (code != 0) return r.Fail(code);
        var found = Carriers.Detect(number!);
        return found.Count == 0
            ? r.Fail(ApiCodes.CannotDetect)
            : r.Reply(ApiCodes.Success, w =>
            {
                w.WriteStartArray();
                foreach (var c in found)
                {
                    w.WriteStartObject();
                    w.WriteString("name", c.Name);
                    w.WriteString("code", c.Code);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
    }
}
