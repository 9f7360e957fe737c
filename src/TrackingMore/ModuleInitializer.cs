using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace TrackingMore
{
    /// <summary>
    /// Checks on import that the runtime can run the module, and on Windows PowerShell 5.1 (.NET Framework), which
    /// does not look for a binary module's dependencies in the module's folder, resolves the module's own copies of
    /// System.Text.Json and its family from there. PowerShell 7 takes those assemblies from its .NET and finds a
    /// module's files itself, so there the handler is not installed.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>
        /// The oldest PowerShell 7 the module runs on, and its .NET. TrackingMore.dll is built against
        /// System.Text.Json 8; PowerShell 7 uses the copy its .NET carries, and 7.2 and 7.3 (.NET 6 and 7) carry older
        /// ones that a module cannot replace in the process.
        /// </summary>
        internal const string OldestPowerShell7 = "7.4";
        internal const int OldestDotNetMajor = 8;

        /// <summary>
        /// The dependency files build.ps1 ships beside TrackingMore.dll (the client, and for Windows PowerShell 5.1 the
        /// System.Text.Json family); the only names the handler answers for. Another module's request for another assembly is never served from this folder.
        /// </summary>
        internal static readonly string[] DependencyNames =
        {
            "TrackingMore.Client",
            "System.Text.Json",
            "System.Text.Encodings.Web",
            "Microsoft.Bcl.AsyncInterfaces",
            "System.Buffers",
            "System.Memory",
            "System.Numerics.Vectors",
            "System.Runtime.CompilerServices.Unsafe",
            "System.Threading.Tasks.Extensions",
        };

        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

        // .NET Framework keeps object in mscorlib; .NET (Core) in System.Private.CoreLib.
        private static readonly bool OnDotNetFramework = typeof(object).Assembly.GetName().Name == "mscorlib";

        public void OnImport()
        {
            if (!RuntimeSupported(OnDotNetFramework, Environment.Version))
                throw new PlatformNotSupportedException(
                    "The TrackingMore module needs PowerShell " + OldestPowerShell7 + " or later (.NET " + OldestDotNetMajor +
                    "), or Windows PowerShell 5.1; this PowerShell runs on .NET " + Environment.Version + ". Update PowerShell.");
            if (OnDotNetFramework) AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
        }

        public void OnRemove(PSModuleInfo module) => AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromModuleFolder;

        internal static bool RuntimeSupported(bool onDotNetFramework, Version runtime) =>
            onDotNetFramework || runtime.Major >= OldestDotNetMajor;

        /// <summary>
        /// The module's own copy of an assembly, or null when the request is not the module's to answer: the name is
        /// not one of <see cref="DependencyNames"/>, the requesting assembly lives outside the module's folder
        /// (null: the runtime did not say, as for a type named in a script), the folder has no copy, or the copy is
        /// older than the version asked for (a newer one stands in, as a binding redirect would allow).
        /// </summary>
        internal static string? DependencyFile(string moduleFolder, AssemblyName requested, string? requesterLocation)
        {
            if (requested.Name is null || Array.IndexOf(DependencyNames, requested.Name) < 0) return null;
            if (!string.IsNullOrEmpty(requesterLocation) && !SameFolder(Path.GetDirectoryName(requesterLocation), moduleFolder)) return null;
            var candidate = Path.Combine(moduleFolder, requested.Name + ".dll");
            if (!File.Exists(candidate)) return null;
            if (requested.Version != null && AssemblyName.GetAssemblyName(candidate).Version < requested.Version) return null;
            return candidate;
        }

        private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
        {
            var requester = args.RequestingAssembly;
            var path = DependencyFile(ModuleFolder, new AssemblyName(args.Name), requester == null || requester.IsDynamic ? null : requester.Location);
            return path == null ? null : Assembly.LoadFrom(path);
        }

        private static bool SameFolder(string? folder, string other) =>
            folder != null && string.Equals(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar),
                Path.GetFullPath(other).TrimEnd(Path.DirectorySeparatorChar), StringComparison.OrdinalIgnoreCase);
    }
}
