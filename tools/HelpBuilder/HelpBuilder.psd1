@{
    # Builds TrackingMore's Get-Help from markdown and the built cmdlets; a build tool, never shipped with the module.
    RootModule        = 'HelpBuilder.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '12f5a11a-1908-4248-b2e1-60296fe7c17f'
    Author            = 'TrackingMore for PowerShell contributors'
    Description       = 'Builds MAML and about topics from platyPS-schema markdown, taking the facts from the built cmdlets.'
    PowerShellVersion = '7.4'
    # Build-ModuleHelp for build.ps1; the jobs' functions for the tests and for trying a change by hand.
    FunctionsToExport = @('Build-ModuleHelp', 'Get-CommandMetadata', 'Get-ParameterYaml', 'Format-ParameterYaml', 'Read-CmdletMarkdown',
        'Write-MamlHelp', 'ConvertTo-AboutText', 'Test-HelpContent', 'Test-ParameterHelp')
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
