# Runs every *.Tests.ps1 beside this file (or the -Path given, with -Tag/-ExcludeTag) in this (new) pwsh process and
# writes {Passed, Failed, Skipped} for build.ps1, and every test's result as NUnit XML for CI.
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    # Comma-separated lists, as build.ps1 passes them through 'pwsh -File'.
    [string] $Path = $PSScriptRoot,
    [string] $Tag = '',
    [string] $ExcludeTag = ''
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force
$configuration = New-PesterConfiguration
$configuration.Run.Path = @($Path -split ',')
if ($Tag) { $configuration.Filter.Tag = @($Tag -split ',') }
if ($ExcludeTag) { $configuration.Filter.ExcludeTag = @($ExcludeTag -split ',') }
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.CIFormat = 'None'
# The NUnit report is written after the counts, not by Invoke-Pester: a failure message carrying a control character
# (ESC from a child process's coloured error, or a hostile test's server bytes) is not valid XML, and Pester's own
# writer would then throw and lose the counts.
$configuration.TestResult.Enabled = $false
$result = Invoke-Pester -Configuration $configuration
# Containers that failed to load count as failures: a broken file must not look like a passing one.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } | ConvertTo-Json | Set-Content -Path $SummaryPath
try {
    $result | Export-NUnitReport -Path $ResultPath
} catch {
    Write-Warning "The NUnit report $ResultPath could not be written ($($_.Exception.Message)); the counts above stand."
}
