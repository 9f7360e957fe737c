using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace TrackingMore
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework) does not look for a binary module's dependencies in the module's
    /// folder, so System.Text.Json and its family are resolved from there on request. PowerShell 7 carries newer
    /// versions of them itself and never raises the event for them; there the handler is idle.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

        public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;

        public void OnRemove(PSModuleInfo module) => AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromModuleFolder;

        private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            var candidate = Path.Combine(ModuleFolder, name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
    }
}
