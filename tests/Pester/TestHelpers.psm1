# Shared by the Pester suites: the built module, the emulator process, and what a test runs and observes.

# The emulator's process and hook functions (Get-EmulatorRequest, Add-EmulatorFault, Step-EmulatorClock, ...) live
# beside the emulator, for the bench and build.ps1 too; Export-ModuleMember -Function * at the end passes them on.
Import-Module (Join-Path $PSScriptRoot '../../src/TrackingMore.Emulator/EmulatorProcess.psm1') -Force

# build.ps1 Test gives the suites their paths in TRACKINGMORE_TEST_*; a suite run on its own (Invoke-Pester on one
# file after 'dotnet pwsh ./build.ps1 Build', or 'build.ps1 Package' for the install tests) takes the clone's Release
# build. The variables are set for this process, so child processes that the suites start see the same paths.
$repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$builtPaths = [ordered]@{
    TRACKINGMORE_TEST_MODULE        = 'out/TrackingMore'
    TRACKINGMORE_TEST_EMULATOR      = 'src/TrackingMore.Emulator/bin/Release/net10.0/TrackingMore.Emulator.dll'
    TRACKINGMORE_TEST_CLIENT_SAMPLE = 'samples/ClientSample/bin/Release/net10.0/ClientSample.dll'
    TRACKINGMORE_TEST_REPOSITORY    = 'out/repository'
}
foreach ($name in $builtPaths.Keys) {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        [Environment]::SetEnvironmentVariable($name, (Join-Path $repositoryRoot $builtPaths[$name]))
    }
}

function Import-BuiltTrackingMore {
    if (-not (Test-Path $env:TRACKINGMORE_TEST_MODULE)) {
        throw "No built module at ${env:TRACKINGMORE_TEST_MODULE}: run 'dotnet pwsh ./build.ps1 Build' first, or set TRACKINGMORE_TEST_MODULE."
    }
    # -Global: imported from inside this helper module, it would otherwise be visible only here.
    Import-Module $env:TRACKINGMORE_TEST_MODULE -Force -Global -ErrorAction Stop
}

# The names of the package repositories registered for this user, PSResourceGet's and PowerShellGet's, as
# 'PSResourceGet:Name' and 'PowerShellGet:Name', sorted; build.ps1 Test lists them the same way before it packages.
function Get-RegisteredRepositoryName {
    @(@(Get-PSResourceRepository | ForEach-Object { "PSResourceGet:$($_.Name)" }) +
        @(Get-PSRepository -WarningAction SilentlyContinue | ForEach-Object { "PowerShellGet:$($_.Name)" }) | Sort-Object)
}

# The pwsh running the suites, as a command line for a child process: 'dotnet <PSHOME>/pwsh.dll' under the dotnet tool.
function Get-PwshCommandLine {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'pwsh') { return , @($process) }
    return , @($process, (Join-Path $PSHOME 'pwsh.dll'))
}

function Start-TestEmulator {
    param([string[]] $ArgumentList = @(), [string] $ApiKey = 'test-key-0123456789abcdef')
    if (-not (Test-Path $env:TRACKINGMORE_TEST_EMULATOR)) {
        throw "No built emulator at ${env:TRACKINGMORE_TEST_EMULATOR}: run 'dotnet pwsh ./build.ps1 Build' first, or set TRACKINGMORE_TEST_EMULATOR."
    }
    Start-TrackingMoreEmulator -Path $env:TRACKINGMORE_TEST_EMULATOR -ApiKey $ApiKey -ArgumentList $ArgumentList
}

function Connect-TestEmulator {
    param([Parameter(Mandatory)] $Emulator, [string] $ApiKey = $Emulator.ApiKey, [hashtable] $Extra = @{}, [switch] $Check)
    # Connect-TrackingMore checks the key with one request unless -SkipCheck. For a suite's set-up that request would
    # only add to the request log and meet the suite's fault rules, and a refused key must reach the cmdlet under test;
    # so it is skipped unless asked for (Connection.Tests checks it).
    $keyCheck = if ($Check) { @{} } else { @{ SkipCheck = $true } }
    Connect-TrackingMore -ApiKey (ConvertTo-SecureString $ApiKey -AsPlainText -Force) -BaseUri $Emulator.BaseUri @Extra @keyCheck
}

# Tracking numbers that no seed produces, unique per call, in the UPU S10 shape the emulator's carriers accept.
$script:NumberCounter = 0
function New-TestTrackingNumber {
    param([string] $Prefix = 'TT', [string] $Country = 'CN')
    $script:NumberCounter++
    '{0}{1:D9}{2}' -f $Prefix, ((Get-Random -Maximum 900000) * 1000 + $script:NumberCounter % 1000), $Country
}

# Pipeline input for New-Tracking and the bulk cmdlets: $Count china-post shipments with fresh numbers.
function New-Shipment([int] $Count, [string] $Prefix) {
    1..$Count | ForEach-Object { [pscustomobject]@{ TrackingNumber = (New-TestTrackingNumber -Prefix $Prefix); CarrierCode = 'china-post' } }
}

# $Command belongs to the caller's session state and looks its preference variables up there, so setting them in a
# function of this module would not reach it. This unbound block is run in the caller's session state instead
# (InvokeScript below, in the caller's current scope); its inner & { } keeps the preferences in a scope of their own.
$script:ObserveInCallerScope = [scriptblock]::Create({
        param($Command)
        & {
            $VerbosePreference = 'Continue'
            $ErrorActionPreference = 'Continue'
            try { & $Command 2>&1 4>&1 } catch { $_ }
        }
    }.ToString())

# Runs a command with verbose output on and splits what it wrote: objects, errors (a terminating one included) and
# verbose messages.
function Invoke-Observed {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [scriptblock] $Command)
    $all = $PSCmdlet.SessionState.InvokeCommand.InvokeScript($PSCmdlet.SessionState, $script:ObserveInCallerScope, $Command)
    [pscustomobject]@{
        Objects = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -and $_ -isnot [System.Management.Automation.ErrorRecord] })
        Verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        Errors  = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    }
}

Export-ModuleMember -Function *
