# Starts and stops the emulator as its own process, for build.ps1 (Demo, Bench) and the Pester suites.

function Start-TrackingMoreEmulator {
    <#
    .SYNOPSIS
        Starts the emulator on a free loopback port and waits for its "Listening on" line.
    .OUTPUTS
        An object with Process, BaseUri (…/v2), Root (the emulator's root URI, for /_emulator hooks) and ApiKey.
    #>
    [CmdletBinding()]
    param(
        # The built TrackingMore.Emulator.dll.
        [Parameter(Mandatory)] [string] $Path,
        [string] $ApiKey = 'demo-key',
        # More emulator arguments, e.g. '--seed', '250'.
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSec = 60
    )
    if (-not (Test-Path $Path)) { throw "The emulator is not built: $Path does not exist. Run build.ps1 Build." }
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($Path, '--port', '0', '--api-key', $ApiKey) + $ArgumentList) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($start)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ($true) {
        $read = $process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait([Math]::Max(1, ($deadline - [DateTime]::UtcNow).TotalMilliseconds))) {
            $process.Kill($true)
            throw "The emulator did not report 'Listening on' within $TimeoutSec s."
        }
        $line = $read.Result
        if ($null -eq $line) { throw "The emulator exited (code $(if ($process.WaitForExit(5000)) { $process.ExitCode })) before listening." }
        if ($line -match 'Listening on (http://\S+)') { break }
    }
    $baseUri = $Matches[1].TrimEnd('/')
    # Keep draining stdout so a chatty emulator (--log) never blocks on a full pipe.
    $null = $process.StandardOutput.BaseStream.CopyToAsync([IO.Stream]::Null)
    [pscustomobject]@{
        PSTypeName = 'TrackingMore.EmulatorProcess'
        Process    = $process
        BaseUri    = $baseUri
        Root       = $baseUri -replace '/v2$', ''
        ApiKey     = $ApiKey
    }
}

function Stop-TrackingMoreEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    if ($Emulator -and -not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill($true)
        $null = $Emulator.Process.WaitForExit(10000)
    }
}

Export-ModuleMember -Function Start-TrackingMoreEmulator, Stop-TrackingMoreEmulator
