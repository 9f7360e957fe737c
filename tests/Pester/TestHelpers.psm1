# Shared by the Pester suites: the built module, the emulator process and its request log.

$script:EmulatorModule = Join-Path $PSScriptRoot '../../src/TrackingMore.Emulator/EmulatorProcess.psm1'
Import-Module $script:EmulatorModule -Force

function Import-BuiltTrackingMore {
    if (-not $env:TRACKINGMORE_TEST_MODULE) { throw 'TRACKINGMORE_TEST_MODULE is not set: run the suites through build.ps1 Test.' }
    # -Global: imported from inside this helper module, it would otherwise be visible only here.
    Import-Module $env:TRACKINGMORE_TEST_MODULE -Force -Global -ErrorAction Stop
}

# The pwsh running the suites, as a command line for a child process: 'dotnet <PSHOME>/pwsh.dll' under the dotnet tool.
function Get-PwshCommandLine {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'pwsh') { return , @($process) }
    return , @($process, (Join-Path $PSHOME 'pwsh.dll'))
}

function Start-TestEmulator {
    param([string[]] $ArgumentList = @(), [string] $ApiKey = 'test-key-0123456789abcdef')
    Start-TrackingMoreEmulator -Path $env:TRACKINGMORE_TEST_EMULATOR -ApiKey $ApiKey -ArgumentList $ArgumentList
}

function Connect-TestEmulator {
    param([Parameter(Mandatory)] $Emulator, [string] $ApiKey = $Emulator.ApiKey, [hashtable] $Extra = @{})
    Connect-TrackingMore -ApiKey (ConvertTo-SecureString $ApiKey -AsPlainText -Force) -BaseUri $Emulator.BaseUri @Extra
}

function Get-EmulatorRequest {
    param([Parameter(Mandatory)] $Emulator)
    # Invoke-RestMethod writes a JSON array as one object; written from a variable, its items go one by one.
    $requests = Invoke-RestMethod -Uri "$($Emulator.Root)/_emulator/requests" -NoProxy
    $requests
}

function Clear-EmulatorRequest {
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Emulator.Root)/_emulator/requests" -NoProxy
}

function Add-EmulatorFault {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Rule)
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Root)/_emulator/faults" -NoProxy -ContentType 'application/json' -Body ($Rule | ConvertTo-Json)
}

function Clear-EmulatorFault {
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Emulator.Root)/_emulator/faults" -NoProxy
}

# Moves the emulator's simulated clock on, e.g. past a new tracking's first carrier result (at most 3 simulated hours
# after creation): until then the service shows the short record, which has no track_update, origin_info, events.
function Step-EmulatorClock {
    param([Parameter(Mandatory)] $Emulator, [long] $Seconds = 4 * 3600)
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Root)/_emulator/clock" -NoProxy -ContentType 'application/json' -Body (@{ advanceSeconds = $Seconds } | ConvertTo-Json)
}

# Tracking numbers that no seed produces, unique per call, in the UPU S10 shape the emulator's carriers accept.
$script:NumberCounter = 0
function New-TestTrackingNumber {
    param([string] $Prefix = 'TT', [string] $Country = 'CN')
    $script:NumberCounter++
    '{0}{1:D9}{2}' -f $Prefix, ((Get-Random -Maximum 900000) * 1000 + $script:NumberCounter % 1000), $Country
}

Export-ModuleMember -Function *
