# Runs every *.Tests.ps1 beside this file in this (new) pwsh process and writes {Passed, Failed} for build.ps1.
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $SummaryPath
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force
$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.CIFormat = 'None'
$result = Invoke-Pester -Configuration $configuration
# Containers that failed to load count as failures: a broken file must not look like a passing one.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
@{ Passed = $result.PassedCount; Failed = $failed } | ConvertTo-Json | Set-Content -Path $SummaryPath
