# HelpBuilder: the module's Get-Help, built from markdown (words) and the built cmdlets (facts). README.md beside
# this file describes the markdown; build.ps1 Build calls Build-ModuleHelp.

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

# Parameters a cmdlet may have that need no markdown: their text is standard. A markdown section overrides it.
$StandardParameterHelp = [ordered]@{
    WhatIf            = @{ Default = 'False'; Text = @('Shows what would happen if the cmdlet runs. The cmdlet is not run: nothing is sent to the API.') }
    Confirm           = @{ Default = 'False'; Text = @('Prompts you for confirmation before running the cmdlet.') }
    First             = @{ Default = 'None'; Text = @('Gets only the specified number of objects. Only the requests needed for them are sent.') }
    Skip              = @{ Default = '0'; Text = @('Ignores the specified number of objects and then gets the remaining objects.') }
    IncludeTotalCount = @{ Default = 'False'; Text = @('Reports the total number of objects in the data set (an integer) before the objects themselves. If the cmdlet cannot determine the total count, it reports "Unknown total count". The integer has an Accuracy property that tells how reliable the count is.') }
    Connection        = @{ Default = 'None'; Text = @('The connection to use, as returned by Connect-TrackingMore -PassThru. By default the cmdlet uses the current connection of the session (the last Connect-TrackingMore), or else the TRACKINGMORE_API_KEY environment variable.') }
}

. (Join-Path $PSScriptRoot 'Metadata.ps1')
. (Join-Path $PSScriptRoot 'Markdown.ps1')
. (Join-Path $PSScriptRoot 'Maml.ps1')
. (Join-Path $PSScriptRoot 'AboutTopic.ps1')
. (Join-Path $PSScriptRoot 'Checks.ps1')

<#
.SYNOPSIS
    Builds a module's help from markdown and the built cmdlets' own metadata.
.DESCRIPTION
    Writes to -OutputPath (the module's en-US folder):
      <ModuleName>.dll-Help.xml   MAML for every exported cmdlet, from <Verb-Noun>.md (platyPS schema 2.0.0)
      about_*.help.txt            one per about_*.md, as plain text wrapped at 80 columns

    Parameter types, Mandatory, Position, pipeline input, aliases, wildcard support, accepted values and the
    parameter sets of the syntax come from the built module, read in a child pwsh. The markdown gives the words.

    Nothing is written unless every exported cmdlet has complete help; the problems are listed and thrown together.
    A markdown file whose cmdlet the module does not export (yet) is skipped with a verbose message, its problems
    shown as warnings.
.PARAMETER ModulePath
    The built module to describe: its folder (out/TrackingMore or out/TrackingMore/<version>) or its .psd1.
.PARAMETER OutputPath
    Where the help files go, normally out/TrackingMore/<version>/en-US. Created when missing.
.PARAMETER SourcePath
    The folder of markdown.
.PARAMETER ModuleName
    The module whose cmdlets are described; also names the MAML file (<ModuleName>.dll-Help.xml).
.EXAMPLE
    Build-ModuleHelp -ModulePath ./out/TrackingMore -OutputPath ./out/TrackingMore/0.1.0/en-US -SourcePath ./src/TrackingMore/Help -Verbose
#>
function Build-ModuleHelp {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ModulePath,
        [Parameter(Mandatory)] [string] $OutputPath,
        [Parameter(Mandatory)] [string] $SourcePath,
        [string] $ModuleName = 'TrackingMore'
    )
    $problems = [System.Collections.Generic.List[string]]::new()
    $warnings = [System.Collections.Generic.List[string]]::new()
    if (-not (Test-Path $SourcePath -PathType Container)) { throw "The help source folder '$SourcePath' does not exist." }

    # A version folder (out/TrackingMore/0.1.0) cannot be imported by its name; its manifest can.
    $modulePathResolved = (Resolve-Path $ModulePath).Path
    $manifest = Join-Path $modulePathResolved "$ModuleName.psd1"
    if ((Test-Path $modulePathResolved -PathType Container) -and (Test-Path $manifest -PathType Leaf)) { $modulePathResolved = $manifest }
    Write-Verbose "Reading the cmdlets of $modulePathResolved in a child pwsh."
    $commands = @(Get-CommandMetadata -Path $modulePathResolved -Name $ModuleName)
    if (-not $commands.Count) { throw "The module '$ModulePath' exports no cmdlets; there is nothing to describe." }
    $exported = @{}
    foreach ($command in $commands) { $exported[$command.Name] = $command }

    $helpByName = [ordered]@{}
    foreach ($file in Get-ChildItem -LiteralPath $SourcePath -Filter '*-*.md' -File | Sort-Object Name) {
        $name = $file.BaseName
        $fileProblems = [System.Collections.Generic.List[string]]::new()
        $help = Read-CmdletMarkdown $file.FullName $fileProblems
        foreach ($problem in Test-HelpContent $help $ModuleName) { $fileProblems.Add($problem) }
        if (-not $exported.ContainsKey($name)) {
            Write-Verbose "Skipping $($file.Name): the module does not export a cmdlet named $name (yet)."
            $warnings.AddRange($fileProblems)
            continue
        }
        $problems.AddRange($fileProblems)
        $helpByName[$name] = $help
    }

    foreach ($command in $commands) {
        $help = $helpByName[$command.Name]
        if (-not $help) { $problems.Add("$($command.Name): no help; write $(Join-Path $SourcePath "$($command.Name).md")."); continue }
        foreach ($problem in Test-ParameterHelp $command $help) { $problems.Add($problem) }
    }

    $aboutTexts = [ordered]@{}
    foreach ($file in Get-ChildItem -LiteralPath $SourcePath -Filter 'about_*.md' -File | Sort-Object Name) {
        $aboutTexts["$($file.BaseName).help.txt"] = ConvertTo-AboutText $file.FullName $problems
    }

    foreach ($warning in $warnings) { Write-Warning "Not exported, so not fatal: $warning" }
    if ($problems.Count) {
        # One a line for the build log (an error view may fold the lines of the message below), then the error itself.
        Write-Host "The help of $ModuleName is incomplete:" -ForegroundColor Red
        foreach ($problem in $problems) { Write-Host "  - $problem" -ForegroundColor Red }
        throw "The help of $ModuleName is incomplete ($($problems.Count) problem(s)):`n  - " + ($problems -join "`n  - ")
    }

    New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null
    $mamlPath = Join-Path $OutputPath "$ModuleName.dll-Help.xml"
    Write-MamlHelp $mamlPath $commands $helpByName
    Write-Verbose "Wrote $mamlPath ($($commands.Count) cmdlets)."
    foreach ($name in $aboutTexts.Keys) {
        $path = Join-Path $OutputPath $name
        [IO.File]::WriteAllText($path, $aboutTexts[$name], [Text.UTF8Encoding]::new($false))
        Write-Verbose "Wrote $path."
    }
}
