using System.Globalization;

namespace TrackingMore.Emulator;

/// <summary>Command-line settings. Parsed by hand so that ASP.NET's own configuration binder never sees our switches.</summary>
internal sealed class EmulatorOptions
{
    public int Port { get; private set; }
    public List<string> ApiKeys { get; } = [];
    public HashSet<string> ForbiddenKeys { get; } = new(StringComparer.Ordinal);
    public int Seed { get; private set; }
    public ulong RandomSeed { get; private set; } = 1;
    public double TimeScale { get; private set; } = 1;
    public long ClockOffsetSeconds { get; private set; }
    public int ListIntervalMs { get; private set; } = 1000;
    public int RateToleranceMs { get; private set; }
    public int Quota { get; private set; } = 100_000;
    public bool HttpErrors { get; private set; }
    public bool Log { get; private set; }
    public bool SecondListener { get; private set; }

    /// <summary>Ten years either way: enough to stand for any skewed clock, far from overflowing unix milliseconds.</summary>
    private const long MaxClockOffsetSeconds = 10L * 366 * 86400;

    public const string Usage = """
        TrackingMore v2 and v4 emulator
          --port N               TCP port on 127.0.0.1 (0 = any free port; default 0)
          --api-key K            a valid key; repeat for several accounts (default demo-key)
          --forbidden-key K      a key the service knows but refuses: v4 answers 403, v2 4001; repeatable
          --seed N               number of seeded trackings (default 0)
          --random-seed S        makes seeding and simulation deterministic (default 1)
          --time-scale X         simulated seconds per real second (default 1)
          --clock-offset S       the simulated clock starts S seconds ahead of this machine's (negative: behind; default 0)
          --list-interval-ms N   minimum gap between GET /trackings/get per key (default 1000; 0 = off)
          --rate-tolerance-ms N  let rate-limited requests (v2 list, realtime; v4) arrive up to N ms early (default 0), for tests on a
                                 loaded machine, where a client's spacing reaches the server with scheduling jitter
          --quota N              creatable trackings per key, shown as track_number (default 100000)
          --http-errors          answer errors with real HTTP statuses instead of HTTP 200
          --log                  print one line per /v2 and /v4 request to stdout
          --second-listener      also listen on 127.0.0.2 (a free port), the target of redirect faults
        """;

    /// <returns>The options, or null with <paramref name="error"/> set (empty error = help was asked for).</returns>
    public static EmulatorOptions? Parse(string[] args, out string? error)
    {
        var o = new EmulatorOptions();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string? inlineValue = null;
            var eq = name.IndexOf('=');
            if (name.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inlineValue = name[(eq + 1)..];
                name = name[..eq];
            }

            string Value()
            {
                if (inlineValue is not null) return inlineValue;
                if (i + 1 >= args.Length) throw new FormatException($"{name} needs a value");
                return args[++i];
            }

            try
            {
                switch (name)
                {
                    case "--port": o.Port = ParseInt(Value(), 0, 65535, name); break;
                    case "--api-key":
                        var key = Value();
                        if (key.Length == 0) throw new FormatException("--api-key must not be empty");
                        o.ApiKeys.Add(key);
                        break;
                    case "--forbidden-key":
                        var forbidden = Value();
                        if (forbidden.Length == 0) throw new FormatException("--forbidden-key must not be empty");
                        o.ForbiddenKeys.Add(forbidden);
                        break;
                    case "--seed": o.Seed = ParseInt(Value(), 0, 5_000_000, name); break;
                    case "--random-seed":
                        o.RandomSeed = ulong.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var rs)
                            ? rs : throw new FormatException("--random-seed needs a non-negative integer");
                        break;
                    case "--time-scale":
                        var ts = double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture);
                        o.TimeScale = ts is > 0 and < 1e9 ? ts : throw new FormatException("--time-scale must be > 0");
                        break;
                    case "--clock-offset":
                        o.ClockOffsetSeconds = long.TryParse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset)
                                               && Math.Abs(offset) <= MaxClockOffsetSeconds
                            ? offset : throw new FormatException("--clock-offset needs whole seconds between -" + MaxClockOffsetSeconds + " and " + MaxClockOffsetSeconds);
                        break;
                    case "--list-interval-ms": o.ListIntervalMs = ParseInt(Value(), 0, 3_600_000, name); break;
                    case "--rate-tolerance-ms": o.RateToleranceMs = ParseInt(Value(), 0, 999, name); break;
                    case "--quota": o.Quota = ParseInt(Value(), 0, int.MaxValue, name); break;
                    case "--http-errors": o.HttpErrors = true; break;
                    case "--log": o.Log = true; break;
                    case "--second-listener": o.SecondListener = true; break;
                    case "--help" or "-h" or "-?": error = ""; return null;
                    default: throw new FormatException($"unknown argument '{args[i]}'");
                }
            }
            catch (FormatException e)
            {
                error = e.Message;
                return null;
            }
        }

        if (o.ApiKeys.Count == 0) o.ApiKeys.Add("demo-key");
        return o;
    }

    private static int ParseInt(string s, int min, int max, string name) =>
        int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new FormatException($"{name} needs an integer between {min} and {max}");
}
