using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using TrackingMore.Api;
using TrackingMore.Commands;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// The seams of the design, checked in the compiled assemblies rather than in the sources: the cmdlet assembly
/// speaks to the API only through the client's public surface (no JSON, no HTTP, no wire encodings, no version's dialect), and the client
/// has no PowerShell in it.
/// </summary>
public class AssemblySeamTests
{
    // The assemblies as their projects built them: the copies beside the tests are rewritten by coverlet when
    // build.ps1 Test collects coverage, and gain its tracker namespace.
    private static readonly string CmdletAssembly = BuiltAssembly("TrackingMore", typeof(GetTrackingCommand));
    private static readonly string ClientAssembly = BuiltAssembly("TrackingMore.Client", typeof(TrackingMoreClient));

    [Fact]
    public void TheCmdletAssemblyUsesNoJsonNoHttpAndNoSerializationTypes()
    {
        var forbidden = new[] { "System.Text.Json", "System.Net.Http", "TrackingMore.Serialization", "TrackingMore.Dialects" };
        var found = ReferencedNamespaces(CmdletAssembly).Where(ns => forbidden.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)));
        Assert.Empty(found);
        Assert.DoesNotContain("System.Text.Json", AssemblyReferences(CmdletAssembly));
        Assert.DoesNotContain("System.Net.Http", AssemblyReferences(CmdletAssembly));
    }

    [Fact]
    public void TheClientAssemblyHasNoPowerShellInIt()
    {
        Assert.DoesNotContain("System.Management.Automation", AssemblyReferences(ClientAssembly));
        Assert.DoesNotContain(ReferencedNamespaces(ClientAssembly), ns => ns.StartsWith("System.Management.Automation", StringComparison.Ordinal));
    }

    [Fact]
    public void EachAssemblyDefinesOnlyItsOwnNamespaces()
    {
        // Nullable and embedded attributes the compiler writes into every assembly live in their own namespaces.
        var compilerEmitted = new[] { "", "System.Runtime.CompilerServices", "Microsoft.CodeAnalysis" };
        Assert.Equal(new[] { "TrackingMore", "TrackingMore.Commands" },
            DefinedNamespaces(CmdletAssembly).Except(compilerEmitted).OrderBy(ns => ns, StringComparer.Ordinal));
        // TrackingMore.Dialects: the seam (ApiDialect); TrackingMore.Dialects.*: what belongs to one API version, internal,
        // beside the version-neutral Api.
        Assert.Equal(new[] { "TrackingMore.Api", "TrackingMore.Dialects", "TrackingMore.Dialects.V2", "TrackingMore.Dialects.V4", "TrackingMore.Models", "TrackingMore.Serialization" },
            DefinedNamespaces(ClientAssembly).Except(compilerEmitted).OrderBy(ns => ns, StringComparer.Ordinal));
    }

    [Fact]
    public void TheCmdletAssemblyReferencesTheClient()
    {
        // Guards the checks above: were the cmdlets compiled with the client's sources inside, they would pass vacuously.
        Assert.Contains("TrackingMore.Client", AssemblyReferences(CmdletAssembly));
        Assert.Contains("TrackingMore.Api", ReferencedNamespaces(CmdletAssembly));
    }

    [Fact]
    public void TheCmdletsUseTheConcreteClientOnlyToConstructIt()
    {
        // Every call goes through ITrackingMoreClient, so a client of another API version or a test double fits behind
        // the cmdlets; the one member of TrackingMoreClient they name is its constructor (RunspaceState.Open).
        var used = Read(CmdletAssembly, reader => reader.MemberReferences
            .Select(handle => reader.GetMemberReference(handle))
            .Where(member => member.Parent.Kind == HandleKind.TypeReference &&
                             reader.GetString(reader.GetTypeReference((TypeReferenceHandle)member.Parent).Name) == nameof(TrackingMoreClient))
            .Select(member => reader.GetString(member.Name)).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(new[] { ".ctor" }, used);
        Assert.Contains(nameof(ITrackingMoreClient), Read(CmdletAssembly, reader =>
            reader.TypeReferences.Select(handle => reader.GetString(reader.GetTypeReference(handle).Name)).ToHashSet(StringComparer.Ordinal)));
    }

    [Fact]
    public void TheCmdletAssemblyWritesNoWirePathFieldOrCode()
    {
        // The strings the cmdlets' code loads (ldstr: the user strings heap): a version's paths, wire field names,
        // key header and meta codes (v2's and v4's) belong to its dialect in the client, so none may appear here.
        var wire = new System.Text.RegularExpressions.Regex(
            @"/?trackings/|/carriers|/couriers|/awb\b|/v2\b|/v4\b|carrier_code|courier_code|tracking_number|delivery_status|pages_amount|items_amount|created_date|\bmeta\b|Api-Key|\b4\d{3}\b|getuserinfo|updatemore|notupdate",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var found = Read(CmdletAssembly, reader =>
        {
            var strings = new List<string>();
            for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = reader.GetNextHandle(handle))
                strings.Add(reader.GetUserString(handle));
            return strings;
        }).Where(text => wire.IsMatch(text)).ToArray();
        Assert.Empty(found);
    }

    /// <summary>src/<project>/bin/<configuration of these tests>/netstandard2.0/<assembly of the type>.</summary>
    private static string BuiltAssembly(string project, Type type)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(Fixtures.RepositoryRoot, "src", project, "bin", configuration, "netstandard2.0", Path.GetFileName(type.Assembly.Location));
        Assert.True(File.Exists(path), "Not built: " + path);
        return path;
    }

    private static T Read<T>(string path, Func<MetadataReader, T> read)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return read(pe.GetMetadataReader());
    }

    private static HashSet<string> AssemblyReferences(string path) => Read(path, reader =>
        reader.AssemblyReferences.Select(handle => reader.GetString(reader.GetAssemblyReference(handle).Name)).ToHashSet(StringComparer.Ordinal));

    /// <summary>The namespaces of every type the assembly refers to (generic instantiations are made of such references).</summary>
    private static HashSet<string> ReferencedNamespaces(string path) => Read(path, reader =>
        reader.TypeReferences.Select(handle => reader.GetString(reader.GetTypeReference(handle).Namespace)).ToHashSet(StringComparer.Ordinal));

    private static HashSet<string> DefinedNamespaces(string path) => Read(path, reader =>
        reader.TypeDefinitions.Select(handle => reader.GetTypeDefinition(handle))
            .Where(type => type.GetDeclaringType().IsNil) // nested types carry no namespace of their own
            .Select(type => reader.GetString(type.Namespace)).ToHashSet(StringComparer.Ordinal));
}
