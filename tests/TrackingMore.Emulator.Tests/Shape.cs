using System.Text.Json;
using Xunit;
using Xunit.Sdk;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// Compares an answer with a fixture key by key and kind by kind. Which extra keys an object may carry beyond the
/// fixture's is told per object name: none (exact), or a documented set (fixtures are trimmed captures).
/// </summary>
public static class Shape
{
    public delegate IReadOnlySet<string>? ExtraKeys(string objectName);

    /// <summary>Exactly the fixture's keys, everywhere.</summary>
    public static readonly ExtraKeys Exact = _ => null;

    /// <summary>Tracking objects: the fixture's keys, plus any other field api-v2.md documents at that level.</summary>
    public static readonly ExtraKeys Tracking = name => name switch
    {
        "data" => null,
        "origin_info" or "destination_info" => ApiRecord.CarrierInfoFields,
        "trackinfo" => ApiRecord.CheckpointFields,
        _ => ApiRecord.TrackingFields,
    };

    public static void AssertMatches(
        JsonElement expected, JsonElement actual, ExtraKeys extras, string path = "data", string name = "data", string parent = "")
    {
        AssertKind(ApiRecord.LooseKindsOf(parent, name), expected.ValueKind, actual.ValueKind, path);
        // A documented loose alternative ("" for an object, null for a text): nothing inside to compare.
        if (expected.ValueKind != actual.ValueKind) return;
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedKeys = expected.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToList();
                var missing = expectedKeys.Where(k => !actualKeys.Contains(k) && !ApiRecord.MayBeAbsent.Contains(k)).ToList();
                if (missing.Count > 0) throw new XunitException($"{path} lacks {string.Join(", ", missing)}: {actual.GetRawText()}");
                var permitted = extras(name);
                var unexpected = actualKeys.Where(k => !expectedKeys.Contains(k) && permitted?.Contains(k) != true).ToList();
                if (unexpected.Count > 0) throw new XunitException($"{path} has undocumented {string.Join(", ", unexpected)}");
                Assert.Equal(actualKeys.Count, actualKeys.Distinct(StringComparer.Ordinal).Count());
                foreach (var key in expectedKeys.Where(actualKeys.Contains))
                    AssertMatches(expected.GetProperty(key), actual.GetProperty(key), extras, $"{path}.{key}", key, name);
                foreach (var key in actualKeys.Where(k => !expectedKeys.Contains(k)))
                {
                    if (ApiRecord.LooseKindsOf(name, key) is { } kinds) AssertOneOf(kinds, actual.GetProperty(key).ValueKind, $"{path}.{key}");
                }
                break;
            case JsonValueKind.Array:
                var template = expected.EnumerateArray().FirstOrDefault();
                if (template.ValueKind == JsonValueKind.Undefined) return;
                var i = 0;
                foreach (var item in actual.EnumerateArray()) AssertMatches(template, item, extras, $"{path}[{i++}]", name, parent);
                break;
        }
    }

    private static void AssertKind(JsonValueKind[]? loose, JsonValueKind expected, JsonValueKind actual, string path)
    {
        if (loose is not null && loose.Contains(expected)) AssertOneOf(loose, actual, path);
        else if (Normal(expected) != Normal(actual)) throw new XunitException($"{path} is {actual}, the record has {expected}");
    }

    private static void AssertOneOf(JsonValueKind[] kinds, JsonValueKind actual, string path)
    {
        if (!kinds.Select(Normal).Contains(Normal(actual)))
            throw new XunitException($"{path} is {actual}, the record allows {string.Join("/", kinds)}");
    }

    /// <summary>true and false are one kind: boolean.</summary>
    private static JsonValueKind Normal(JsonValueKind k) => k == JsonValueKind.False ? JsonValueKind.True : k;

    public static IReadOnlyList<string> Keys(JsonElement obj) => obj.EnumerateObject().Select(p => p.Name).ToList();
}
