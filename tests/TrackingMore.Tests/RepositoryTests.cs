using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// A clone stands alone: no tracked file names a path that climbs out of the repository (the shared folder the
/// project was started from among them), so nothing built, tested or run from a fresh clone can depend on what
/// happens to lie beside it.
/// </summary>
public class RepositoryTests
{
    // A run of path characters with a separator, or a lone ".." (not the range operator of 1..10); the ones holding
    // a ".." segment are walked segment by segment.
    private static readonly Regex PathLike = new(@"[\w.$@%{}()~+-]*(?:[/\\][\w.$@%{}()~+-]*)+|(?<![\w.])\.\.(?![\w.])", RegexOptions.Compiled);

    // Built, not written, so this file does not name the path it looks for.
    private static readonly string SharedFolder = string.Join("/", "..", "shared");

    [Fact]
    public void NoTrackedFileRefersToAPathOutsideTheClone()
    {
        var offenders = new List<string>();
        foreach (var file in TrackedFiles())
        {
            var bytes = File.ReadAllBytes(Path.Combine(Fixtures.RepositoryRoot, file));
            if (Array.IndexOf(bytes, (byte)0) >= 0) continue; // binary
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            offenders.AddRange(OutsidePaths(file, text).Select(path => file + ": " + path));
        }
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("build.ps1", 1, "/", "shared/fixtures/x.json", true)]                    // from the root, one up
    [InlineData("build.ps1", 1, "\\", "", true)]                                          // the folder above, alone
    [InlineData("tests/Pester/A.Tests.ps1", 3, "\\", "outside.txt", true)]              // deeper than the file lies
    [InlineData("tests/TrackingMore.Tests/T.csproj", 2, "/", "src/TrackingMore/TrackingMore.csproj", false)]
    [InlineData("tests/Pester/A.Tests.ps1", 2, "\\", "README.md", false)]
    [InlineData("docs/architecture.md", 1, "/", "src/TrackingMore/Api", false)]
    [InlineData("tests/TrackingMore.Tests/Fixtures.cs", 1, "/", "shared/fixtures", true)] // the shared folder, from anywhere
    public void FindsPathsThatClimbOutOfTheClone(string file, int climbs, string separator, string rest, bool outside)
    {
        var path = string.Join(separator, Enumerable.Repeat("..", climbs)) + (rest.Length > 0 ? separator + rest : string.Empty);
        // Around it, text that only looks like a climb: a range, names with dots, a climb that stays inside.
        var text = "$x = Join-Path $PSScriptRoot '" + path + "' # 1..10 a/..b c..d dhl/" + "../x";
        Assert.Equal(outside, OutsidePaths(file, text).Any());
    }

    /// <summary>The paths in <paramref name="text"/> that leave the repository, read from where <paramref name="file"/> lies.</summary>
    private static IEnumerable<string> OutsidePaths(string file, string text)
    {
        var depth = file.Count(c => c == '/');
        foreach (Match match in PathLike.Matches(text))
        {
            var segments = match.Value.Split('/', '\\');
            if (!segments.Contains("..")) continue;
            if (match.Value.Replace('\\', '/').Contains(SharedFolder, StringComparison.OrdinalIgnoreCase))
            {
                yield return match.Value;
                continue;
            }
            var level = depth;
            foreach (var segment in segments)
            {
                if (segment == "..") level--;
                else if (segment.Length > 0 && segment != ".") level++;
                if (level < 0) break;
            }
            if (level < 0) yield return match.Value;
        }
    }

    private static IEnumerable<string> TrackedFiles()
    {
        var start = new ProcessStartInfo("git", "ls-files -z")
        {
            WorkingDirectory = Fixtures.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started.");
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0) throw new InvalidOperationException("git ls-files failed in " + Fixtures.RepositoryRoot + " (a clone is needed): " + error);
        var files = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("build.ps1", files);
        return files.Where(f => File.Exists(Path.Combine(Fixtures.RepositoryRoot, f)));
    }
}

/// <summary>
/// The PowerShell the build and its tools need is stated once and agrees everywhere it is enforced: build.ps1's
/// #Requires, the help tool's manifest, and the README's contributor section.
/// </summary>
public class BuildRequirementTests
{
    [Fact]
    public void BuildScriptHelpToolAndReadmeStateOneFloor()
    {
        string Read(string path) => File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, path));
        var build = Regex.Match(Read("build.ps1"), @"(?m)^#Requires -Version (\d+\.\d+)$").Groups[1].Value;
        var tool = Regex.Match(Read("tools/HelpBuilder/HelpBuilder.psd1"), @"PowerShellVersion\s*=\s*'(\d+\.\d+)'").Groups[1].Value;
        var readme = Regex.Match(Read("README.md"), @"The build needs PowerShell (\d+\.\d+) or later").Groups[1].Value;
        Assert.NotEqual("", build);
        Assert.Equal(build, tool);
        Assert.Equal(build, readme);
        // PSResourceGet, which Package uses, ships with PowerShell from 7.4 on: a lower floor would let a user past
        // the check and fail later.
        Assert.True(Version.Parse(build) >= new Version(7, 4), "build.ps1 requires " + build);
    }
}
