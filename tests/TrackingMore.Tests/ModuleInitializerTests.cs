using System.Reflection;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// The Windows PowerShell 5.1 resolve handler answers only for the module's own dependency files, and the import check
/// lets through exactly the runtimes the module runs on. The handler's decision is tested on its own: the event it
/// serves is raised only by .NET Framework.
/// </summary>
public sealed class ModuleInitializerTests : IDisposable
{
    private readonly string _moduleFolder = Directory.CreateTempSubdirectory("tm-module-").FullName;
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("tm-other-").FullName;
    private readonly Version _copyVersion;

    public ModuleInitializerTests()
    {
        // Any real assembly serves as the shipped copy: the handler reads only the file's name and version.
        var assembly = typeof(ModuleInitializer).Assembly.Location;
        File.Copy(assembly, Path.Combine(_moduleFolder, "System.Text.Json.dll"));
        File.Copy(assembly, Path.Combine(_moduleFolder, "Newtonsoft.Json.dll"));
        File.Copy(assembly, Path.Combine(_moduleFolder, "TrackingMore.dll"));
        _copyVersion = AssemblyName.GetAssemblyName(assembly).Version!;
    }

    public void Dispose()
    {
        Directory.Delete(_moduleFolder, recursive: true);
        Directory.Delete(_elsewhere, recursive: true);
    }

    private string Requester(string folder) => Path.Combine(folder, "Requester.dll");

    private static AssemblyName Name(string name, Version? version) => new(name) { Version = version };

    [Fact]
    public void ServesADependencyToTheModuleFromItsFolder()
    {
        var path = ModuleInitializer.DependencyFile(_moduleFolder, Name("System.Text.Json", _copyVersion), Requester(_moduleFolder));
        Assert.Equal(Path.Combine(_moduleFolder, "System.Text.Json.dll"), path);
    }

    [Fact]
    public void ServesANewerCopyThanAskedForAndARequestThatNamesNoRequester()
    {
        var older = new Version(0, 0, 0, 1);
        Assert.NotNull(ModuleInitializer.DependencyFile(_moduleFolder, Name("System.Text.Json", older), Requester(_moduleFolder)));
        Assert.NotNull(ModuleInitializer.DependencyFile(_moduleFolder, Name("System.Text.Json", null), null));
    }

    [Fact]
    public void RefusesAnAssemblyThatIsNotADependencyEvenWhenTheFolderHasIt()
    {
        Assert.Null(ModuleInitializer.DependencyFile(_moduleFolder, Name("Newtonsoft.Json", _copyVersion), Requester(_moduleFolder)));
        Assert.Null(ModuleInitializer.DependencyFile(_moduleFolder, Name("TrackingMore", _copyVersion), null));
    }

    [Fact]
    public void RefusesAnotherModulesRequest()
    {
        Assert.Null(ModuleInitializer.DependencyFile(_moduleFolder, Name("System.Text.Json", _copyVersion), Requester(_elsewhere)));
    }

    [Fact]
    public void RefusesACopyOlderThanAskedFor()
    {
        var newer = new Version(_copyVersion.Major + 1, 0, 0, 0);
        Assert.Null(ModuleInitializer.DependencyFile(_moduleFolder, Name("System.Text.Json", newer), Requester(_moduleFolder)));
    }

    [Fact]
    public void RefusesADependencyTheFolderDoesNotHave()
    {
        Assert.Null(ModuleInitializer.DependencyFile(_moduleFolder, Name("System.Memory", null), Requester(_moduleFolder)));
    }

    [Theory]
    [InlineData(true, "4.0.30319.42000", true)]   // Windows PowerShell 5.1
    [InlineData(false, "8.0.0", true)]            // PowerShell 7.4
    [InlineData(false, "10.0.4", true)]           // PowerShell 7.6
    [InlineData(false, "7.0.20", false)]          // PowerShell 7.3
    [InlineData(false, "6.0.36", false)]          // PowerShell 7.2
    public void ImportsOnWindowsPowerShellAndOnPowerShell74OrLater(bool onDotNetFramework, string runtime, bool supported)
    {
        Assert.Equal(supported, ModuleInitializer.RuntimeSupported(onDotNetFramework, Version.Parse(runtime)));
    }
}
