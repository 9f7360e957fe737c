using System.Text.RegularExpressions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace TrackingMore.Tests;

/// <summary>
/// The GitHub workflows parse as YAML and run what the README promises: the test command on Linux, Windows and
/// macOS, a Windows PowerShell 5.1 smoke job, and a release that publishes the package CI tested, after CI passed,
/// from a protected environment, with every action pinned by commit. They cannot run here; this keeps them from
/// rotting unseen.
/// </summary>
public class WorkflowTests
{
    private static string WorkflowPath(string name) => Path.Combine(Fixtures.RepositoryRoot, ".github", "workflows", name);

    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(WorkflowPath(name))) stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(stream.Documents.Single().RootNode);
    }

    private static YamlNode? Child(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static IEnumerable<YamlMappingNode> Jobs(YamlMappingNode workflow) =>
        Assert.IsType<YamlMappingNode>(Child(workflow, "jobs")).Children.Values.Cast<YamlMappingNode>();

    private static YamlMappingNode Job(YamlMappingNode workflow, string id) =>
        Assert.IsType<YamlMappingNode>(Child(Child(workflow, "jobs")!, id));

    /// <summary>A job's steps; none for a job that calls another workflow.</summary>
    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) =>
        (Child(job, "steps") as YamlSequenceNode)?.Children.Cast<YamlMappingNode>() ?? Enumerable.Empty<YamlMappingNode>();

    /// <summary>A scalar or a sequence of scalars, as a list (needs: ci, needs: [a, b]).</summary>
    private static List<string> Scalars(YamlNode? node) => node switch
    {
        YamlScalarNode scalar => new List<string> { scalar.Value! },
        YamlSequenceNode sequence => sequence.Children.Cast<YamlScalarNode>().Select(item => item.Value!).ToList(),
        _ => new List<string>(),
    };

    private static IEnumerable<string> Runs(YamlMappingNode job) => Steps(job).Select(step => Text(step, "run")).OfType<string>();

    [Fact]
    public void CiRunsTheTestCommandOnUbuntuWindowsAndMacos()
    {
        var job = Jobs(Load("ci.yml")).Single(j => Child(j, "strategy") != null);
        var matrix = Assert.IsType<YamlSequenceNode>(Child(Child(Child(job, "strategy")!, "matrix")!, "os"));
        Assert.Equal(new[] { "macos-latest", "ubuntu-latest", "windows-latest" }, matrix.Children.Cast<YamlScalarNode>().Select(os => os.Value).OrderBy(os => os));
        Assert.Equal("${{ matrix.os }}", Text(job, "runs-on"));

        var runs = Runs(job).ToList();
        Assert.Contains("dotnet tool restore", runs);
        Assert.Contains(runs, run => run.StartsWith("dotnet pwsh", StringComparison.Ordinal) && run.Contains("./build.ps1 Test"));
        Assert.True(runs.IndexOf("dotnet tool restore") < runs.FindIndex(run => run.Contains("./build.ps1 Test")), "pwsh is restored before it runs");

        var upload = Steps(job).Single(step => Text(step, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true &&
                                               Text(Child(step, "with")!, "path") == "out/test-results");
        Assert.Equal("always()", Text(upload, "if"));
    }

    [Fact]
    public void CiRunsTheSmokeSubsetInWindowsPowerShell51AfterABuild()
    {
        var job = Jobs(Load("ci.yml")).Single(j => Runs(j).Any(run => run.Contains("Invoke-SmokeTest.ps1")));
        Assert.StartsWith("windows", Text(job, "runs-on"));
        var runs = Runs(job).ToList();
        var smoke = runs.FindIndex(run => run.Contains("Invoke-SmokeTest.ps1"));
        Assert.Contains("-Shell powershell.exe", runs[smoke]);
        Assert.Contains("-Edition Desktop", runs[smoke]);
        Assert.Contains(runs.Take(smoke), run => run.Contains("./build.ps1 Build"));
    }

    [Fact]
    public void ReleaseRunsCiOnTheTagThenPublishesTheTestedPackageFromAProtectedEnvironment()
    {
        var release = Load("release.yml");
        Assert.NotNull(Child(Child(Child(release, "on")!, "push")!, "tags"));
        // CI is this workflow's own first job, on the tag's commit; ci.yml accepts the call.
        var ciJob = Assert.Single(Assert.IsType<YamlMappingNode>(Child(release, "jobs")).Children,
            job => Text(job.Value, "uses") == "./.github/workflows/ci.yml");
        Assert.NotNull(Child(Child(Load("ci.yml"), "on")!, "workflow_call"));

        var publishId = Assert.Single(Assert.IsType<YamlMappingNode>(Child(release, "jobs")).Children,
            job => Steps((YamlMappingNode)job.Value).Any(step => Text(step, "run")?.Contains("Publish-PSResource") == true)).Key;
        var publish = Job(release, ((YamlScalarNode)publishId).Value!);
        Assert.Contains(((YamlScalarNode)ciJob.Key).Value!, Scalars(Child(publish, "needs")));
        var environment = Child(publish, "environment");
        Assert.False(string.IsNullOrEmpty(environment is YamlMappingNode named ? Text(named, "name") : (environment as YamlScalarNode)?.Value),
            "the job that holds the gallery key runs in a protected environment");

        // Nothing is built or packaged again: the file published is the artifact CI's package upload made.
        var runs = Runs(publish).ToList();
        Assert.DoesNotContain(runs, run => run.Contains("build.ps1", StringComparison.Ordinal));
        var testJob = Jobs(Load("ci.yml")).Single(j => Runs(j).Any(run => run.Contains("./build.ps1 Test")));
        var upload = Steps(testJob).Single(step => Text(step, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true &&
                                                  Text(Child(step, "with")!, "path")!.EndsWith(".nupkg", StringComparison.Ordinal));
        Assert.StartsWith("out/TrackingMore.", Text(Child(upload, "with")!, "path"));
        Assert.Equal("error", Text(Child(upload, "with")!, "if-no-files-found"));
        var download = Steps(publish).Single(step => Text(step, "uses")?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal(Text(Child(upload, "with")!, "name"), Text(Child(download, "with")!, "name"));
        var downloaded = Text(Child(download, "with")!, "path")!;
        var publishRun = runs.Single(run => run.Contains("Publish-PSResource", StringComparison.Ordinal));
        Assert.Matches(@"Publish-PSResource -NupkgPath \$\w+ -Repository PSGallery", publishRun);
        Assert.Contains("\"" + downloaded + "/TrackingMore.", publishRun);

        // The key is read in that one step, from the environment's secrets.
        var step = Steps(publish).Single(s => Text(s, "run")?.Contains("Publish-PSResource") == true);
        Assert.Equal("${{ secrets.PSGALLERY_API_KEY }}", Text(Child(step, "env")!, "PSGALLERY_API_KEY"));
        Assert.Contains("$env:PSGALLERY_API_KEY", publishRun);
        Assert.Single(Regex.Matches(File.ReadAllText(WorkflowPath("release.yml")), @"secrets\.PSGALLERY_API_KEY"));
    }

    [Theory]
    [InlineData("ci.yml")]
    [InlineData("release.yml")]
    public void EveryActionIsPinnedByCommit(string name)
    {
        var uses = Jobs(Load(name)).SelectMany(Steps).Select(step => Text(step, "uses")).OfType<string>().ToList();
        Assert.NotEmpty(uses);
        foreach (var action in uses)
            Assert.True(action.StartsWith("./", StringComparison.Ordinal) || Regex.IsMatch(action, "^[\\w.-]+/[\\w./-]+@[0-9a-f]{40}$"),
                name + " uses " + action + ", which is not pinned by a commit SHA");
    }

    [Theory]
    [InlineData("ci.yml", true)]
    [InlineData("release.yml", false)]
    public void EveryScriptAWorkflowRunsIsInTheRepositoryAndNoHostIsNamed(string name, bool runsScripts)
    {
        var workflow = Load(name);
        var scripts = Jobs(workflow).SelectMany(Runs)
            .SelectMany(run => Regex.Matches(run, @"(?:\./)?(?:[\w.-]+/)*[\w.-]+\.ps1").Select(m => m.Value))
            .ToList();
        // release.yml runs no script of the repository: it publishes what ci.yml built.
        Assert.Equal(runsScripts, scripts.Count > 0);
        foreach (var script in scripts) Assert.True(File.Exists(Path.Combine(Fixtures.RepositoryRoot, script)), name + " runs " + script + ", which is not in the repository");
        Assert.All(Jobs(workflow).SelectMany(Steps).Select(step => Text(Child(step, "with") ?? new YamlMappingNode(), "global-json-file")).OfType<string>(),
            file => Assert.True(File.Exists(Path.Combine(Fixtures.RepositoryRoot, file)), file));
        Assert.DoesNotContain("://", File.ReadAllText(WorkflowPath(name)));
    }

    [Fact]
    public void TheLocalEntryRunsTheReadmesTestCommand()
    {
        var script = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, ".ci", "run"));
        var readme = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "README.md"));
        Assert.Contains("dotnet tool restore && dotnet pwsh ./build.ps1 Test", readme);
        Assert.Matches(@"(?m)^dotnet tool restore$", script);
        Assert.Matches(@"(?m)^dotnet pwsh .*\./build\.ps1 Test$", script);
    }
}
