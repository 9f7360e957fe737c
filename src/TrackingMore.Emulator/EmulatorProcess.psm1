# The emulator seen from PowerShell, for build.ps1 (Demo, Bench), bench/Invoke-Benchmark.ps1 and the Pester suites:
# starts and stops it as its own process, and calls its /_emulator hooks (request log, fault rules, clock, info; see
# README.md "Test hooks") on the object Start-TrackingMoreEmulator returns.

function Start-TrackingMoreEmulator {
    <#
    .SYNOPSIS
        Starts the emulator on a free loopback port and waits for its "Listening on" line.
    .OUTPUTS
        An object with Process, BaseUri (…/v2), V4BaseUri (…/v4: the same account through v4), Root (the emulator's
        root URI, for /_emulator hooks) and ApiKey.
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
        V4BaseUri  = ($baseUri -replace '/v2$', '') + '/v4'
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

# The /v2 and /v4 requests the emulator has logged, in arrival order; -PathLike keeps those whose path (as sent) matches.
function Get-EmulatorRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Position = 1)] [string] $PathLike = '*')
    # Invoke-RestMethod writes a JSON array as one object; written from a variable, its items go one by one.
    $requests = Invoke-RestMethod -Uri "$($Emulator.Root)/_emulator/requests" -NoProxy
    $requests | Where-Object { $_.path -like $PathLike }
}

function Clear-EmulatorRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Emulator.Root)/_emulator/requests" -NoProxy
}

# Adds one fault rule (README.md "Fault rules"), e.g. @{ path = '/trackings/get'; action = 'http503'; count = 2 }.
function Add-EmulatorFault {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Mandatory, Position = 1)] [hashtable] $Rule)
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Root)/_emulator/faults" -NoProxy -ContentType 'application/json' -Body ($Rule | ConvertTo-Json)
}

function Clear-EmulatorFault {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Emulator.Root)/_emulator/faults" -NoProxy
}

# Moves the emulator's simulated clock on, e.g. past a new tracking's first carrier result (at most 3 simulated hours
# after creation): until then the service shows the short record, which has no track_update, origin_info, events.
function Step-EmulatorClock {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Position = 1)] [long] $Seconds = 4 * 3600)
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Root)/_emulator/clock" -NoProxy -ContentType 'application/json' -Body (@{ advanceSeconds = $Seconds } | ConvertTo-Json)
}

# The emulator's listeners: baseUri and secondBaseUri (null without --second-listener).
function Get-EmulatorInfo {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    Invoke-RestMethod -Uri "$($Emulator.Root)/_emulator/info" -NoProxy
}

# A tiny HTTP proxy on loopback for probing what a client sends through HTTP_PROXY / ALL_PROXY: it records the first
# read of every connection and answers 502. Stop-RecordingProxy ends it and returns all it recorded.
function Start-RecordingProxy {
    [CmdletBinding()]
    param()
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $seen = [hashtable]::Synchronized(@{ Text = ''; Stop = $false })
    $job = Start-ThreadJob -ArgumentList $listener, $seen -ScriptBlock {
        param($Listener, $Seen)
        while (-not $Seen.Stop) {
            if (-not $Listener.Pending()) { Start-Sleep -Milliseconds 20; continue }
            $client = $Listener.AcceptTcpClient()
            $stream = $client.GetStream()
            $stream.ReadTimeout = 5000
            $buffer = [byte[]]::new(65536)
            $read = $stream.Read($buffer, 0, $buffer.Length)
            $Seen.Text += [Text.Encoding]::ASCII.GetString($buffer, 0, $read)
            $answer = [Text.Encoding]::ASCII.GetBytes("HTTP/1.1 502 Bad Gateway`r`nContent-Length: 0`r`nConnection: close`r`n`r`n")
            $stream.Write($answer, 0, $answer.Length)
            $client.Close()
        }
    }
    [pscustomobject]@{ Uri = "http://127.0.0.1:$($listener.LocalEndpoint.Port)"; Listener = $listener; Seen = $seen; Job = $job }
}

function Stop-RecordingProxy {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Proxy)
    $Proxy.Seen.Stop = $true
    $null = $Proxy.Job | Wait-Job -Timeout 10
    $Proxy.Job | Remove-Job -Force
    $Proxy.Listener.Stop()
    $Proxy.Seen.Text
}

Export-ModuleMember -Function Start-TrackingMoreEmulator, Stop-TrackingMoreEmulator, Get-EmulatorRequest, Clear-EmulatorRequest,
    Add-EmulatorFault, Clear-EmulatorFault, Step-EmulatorClock, Get-EmulatorInfo, Start-RecordingProxy, Stop-RecordingProxy
