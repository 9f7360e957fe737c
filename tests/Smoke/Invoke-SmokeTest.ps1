<#
.SYNOPSIS
    Runs Test-ModuleSmoke.ps1 in another shell against an emulator started here.
.DESCRIPTION
    CI's Windows PowerShell 5.1 job runs it with -Shell powershell.exe: the Pester suites and the emulator helper
    need PowerShell 7, so this script (in PowerShell 7) starts the emulator and hands it to the shell under test
    through the environment. tests/Pester/Smoke.Tests.ps1 runs it with a new pwsh, so the smoke checks themselves
    are tested wherever build.ps1 Test runs. Exits with the smoke script's exit code.
.EXAMPLE
    dotnet pwsh ./tests/Smoke/Invoke-SmokeTest.ps1 -ModulePath out/TrackingMore -EmulatorPath src/TrackingMore.Emulator/bin/Release/net10.0/TrackingMore.Emulator.dll -Shell powershell.exe -Edition Desktop
#>
param(
    # The built module folder (out/TrackingMore).
    [Parameter(Mandatory)] [string] $ModulePath,
    # The built TrackingMore.Emulator.dll.
    [Parameter(Mandatory)] [string] $EmulatorPath,
    # The shell under test as a command line: 'powershell.exe', or e.g. 'dotnet', '<PSHOME>/pwsh.dll'.
    [string[]] $Shell = @('powershell.exe'),
    # The edition the shell must be: the smoke script fails its first check otherwise.
    [Parameter(Mandatory)] [ValidateSet('Core', 'Desktop')] [string] $Edition
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../../src/TrackingMore.Emulator/EmulatorProcess.psm1') -Force

$emulator = Start-TrackingMoreEmulator -Path $EmulatorPath -ApiKey 'smoke-key-0123456789abcdef' -ArgumentList '--list-interval-ms', '0'
try {
    $env:TRACKINGMORE_API_KEY = $emulator.ApiKey
    $env:TRACKINGMORE_BASE_URI = $emulator.BaseUri
    & $Shell[0] @($Shell | Select-Object -Skip 1) -NoProfile -NonInteractive -ExecutionPolicy Bypass `
        -File (Join-Path $PSScriptRoot 'Test-ModuleSmoke.ps1') -ModulePath (Resolve-Path $ModulePath).Path -Edition $Edition
    $exitCode = $LASTEXITCODE
} finally {
    Remove-Item Env:TRACKINGMORE_API_KEY, Env:TRACKINGMORE_BASE_URI -ErrorAction SilentlyContinue
    Stop-TrackingMoreEmulator $emulator
}
exit $exitCode
