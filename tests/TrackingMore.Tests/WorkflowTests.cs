using System.Text.RegularExpressions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace TrackingMore.Tests;

/// <summary>
/// The GitHub workflows parse as YAML and run what the README promises: the test command on Linux, Windows and
/// macOS, a Windows PowerShell 5.1 smoke job, and a release that packages and publishes with the gallery key from
/// the repository's secrets. They cannot run here; this keeps them from rotting unseen.
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

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) =>
        Assert.IsType<YamlSequenceNode>(Child(job, "steps")).Children.Cast<YamlMappingNode>();

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

        var upload = Steps(job).Single(step => Text(step, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("out/test-results", Text(Child(upload, "with")!, "path"));
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
    public void ReleasePackagesOnATagAndPublishesToTheGalleryWithTheKeyFromSecrets()
    {
        var release = Load("release.yml");
        Assert.NotNull(Child(Child(Child(release, "on")!, "push")!, "tags"));
        var job = Jobs(release).Single();
        var runs = Runs(job).ToList();
        var package = runs.FindIndex(run => run.Contains("./build.ps1 Package"));
        var publish = runs.FindIndex(run => run.Contains("Publish-PSResource"));
        Assert.True(package >= 0, "release.yml runs build.ps1 Package");
        Assert.True(publish > package, "release.yml publishes after packaging");
        Assert.Contains("-Repository PSGallery", runs[publish]);

        var step = Steps(job).Single(s => Text(s, "run")?.Contains("Publish-PSResource") == true);
        Assert.Equal("${{ secrets.PSGALLERY_API_KEY }}", Text(Child(step, "env")!, "PSGALLERY_API_KEY"));
        Assert.Contains("$env:PSGALLERY_API_KEY", runs[publish]);
    }

    [Theory]
    [InlineData("ci.yml")]
    [InlineData("release.yml")]
    public void EveryScriptAWorkflowRunsIsInTheRepositoryAndNoHostIsNamed(string name)
    {
        var workflow = Load(name);
        var scripts = Jobs(workflow).SelectMany(Runs)
            .SelectMany(run => Regex.Matches(run, @"(?:\./)?(?:[\w.-]+/)*[\w.-]+\.ps1").Select(m => m.Value))
            .ToList();
        Assert.NotEmpty(scripts);
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
