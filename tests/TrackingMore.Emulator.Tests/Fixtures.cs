using System.Text.Json;

namespace TrackingMore.Emulator.Tests;

/// <summary>tests/fixtures of this repository: real answers of the service and its documentation's samples.</summary>
public static class Fixtures
{
    public static string Directory { get; } = Path.Combine(FindRoot(), "tests", "fixtures");

    public static JsonElement Root(string name) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, name))).RootElement.Clone();

    public static JsonElement Data(string name) => Root(name).GetProperty("data");

    /// <summary>Every carrier code any fixture names (carrier_code fields, and code fields of carrier lists).</summary>
    public static IReadOnlySet<string> CarrierCodes()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.json")) Collect(JsonDocument.Parse(File.ReadAllBytes(file)).RootElement, codes);
        return codes;
    }

    private static void Collect(JsonElement e, SortedSet<string> codes)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            var isCarrier = e.TryGetProperty("name", out _) && e.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String;
            foreach (var p in e.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String && (p.Name == "carrier_code" || (isCarrier && p.Name == "code")))
                    codes.Add(p.Value.GetString()!);
                Collect(p.Value, codes);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Collect(item, codes);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrackingMore.psd1"))) return dir.FullName;
        throw new InvalidOperationException("TrackingMore.psd1 not found above " + AppContext.BaseDirectory);
    }
}
