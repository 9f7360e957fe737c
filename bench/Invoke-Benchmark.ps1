<#
.SYNOPSIS
    The module's speed and memory figures, side by side with what a user would otherwise write, in one run.
.DESCRIPTION
    Called by build.ps1 Bench after a build. Every measurement runs in a child pwsh (fresh process, so peak working
    set and import cost are the command's own) against emulator processes on loopback, and writes bench/RESULTS.md.
    Benchmarks are not tests: nothing here fails on a slow machine; the goals are printed beside the figures.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string[]] $Pwsh,
    [string] $ResultsPath = (Join-Path $PSScriptRoot 'RESULTS.md'),
    # Repeats of each timed run; the median is reported.
    [int] $Repeat = 3,
    # Runs only section 9 (the second round of hostile peers), e.g. to check its probes; write it to another -ResultsPath.
    [switch] $SecondRoundOnly,
    # Runs only section 2 (peak working set at 20k and 200k trackings), e.g. after a change to the listing's memory;
    # write it to another -ResultsPath.
    [switch] $MemoryOnly,
    # Runs only section 6 (import cost against ThreadJob), e.g. after a change to what the module loads on import;
    # write it to another -ResultsPath.
    [switch] $ImportOnly
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '../src/TrackingMore.Emulator/EmulatorProcess.psm1') -Force

$Key = 'bench-key-0123456789abcdef'

# Runs a script in a new pwsh and returns the last line of its output parsed as JSON. The parameters (the key among
# them) travel in the environment, not on the command line, which a transcript's header would record.
function Invoke-Child([string] $Script, [hashtable] $Parameters = @{}) {
    $env:TRACKINGMORE_BENCH_PARAMETERS = $Parameters | ConvertTo-Json -Compress
    try {
        $prelude = '$ErrorActionPreference = "Stop"; $P = $env:TRACKINGMORE_BENCH_PARAMETERS | ConvertFrom-Json; Remove-Item Env:TRACKINGMORE_BENCH_PARAMETERS;'
        $output = & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command ($prelude + $Script)
        if ($LASTEXITCODE -ne 0) { throw "Child pwsh failed ($LASTEXITCODE): $output" }
    } finally {
        Remove-Item Env:TRACKINGMORE_BENCH_PARAMETERS -ErrorAction SilentlyContinue
    }
    @($output)[-1] | ConvertFrom-Json
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}


# $P.Rate: where the emulator runs with its list limit off, so the module's pacing is turned off to match.
$connect = 'Import-Module $P.Module; Connect-TrackingMore -ApiKey (ConvertTo-SecureString $P.Key -AsPlainText -Force) -BaseUri $P.BaseUri -ListRequestsPerSecond ([double]$P.Rate);'

$ours = $connect + '
$clock = [Diagnostics.Stopwatch]::StartNew()
$count = (Get-Tracking -All | Measure-Object).Count
@{ Count = $count; Seconds = $clock.Elapsed.TotalSeconds; PeakMB = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB } | ConvertTo-Json -Compress'

# What a user writes without the module: Invoke-RestMethod in a page loop, items out as PSCustomObjects.
$plain = '
$headers = @{ "Trackingmore-Api-Key" = $P.Key }
$clock = [Diagnostics.Stopwatch]::StartNew()
$count = & {
    $page = 1
    do {
        $answer = Invoke-RestMethod -Uri "$($P.BaseUri)/trackings/get?page=$page&limit=2000" -Headers $headers -NoProxy
        $answer.data.items
        $page++
    } while ($answer.data.items.Count -eq 2000)
} | Measure-Object | ForEach-Object Count
@{ Count = $count; Seconds = $clock.Elapsed.TotalSeconds; PeakMB = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB } | ConvertTo-Json -Compress'

# Writes the table of every row measured to -ResultsPath.
function Write-Results {
    $lines = @(
        '# Benchmark results'
        ''
        "Written by ``build.ps1 Bench`` on $(Get-Date -Format 'yyyy-MM-dd HH:mm') UTC$(Get-Date -Format 'zzz'); machine: $machine; PowerShell $($PSVersionTable.PSVersion)."
        'All figures come from one run, side by side, against the emulator on loopback. Machines here are shared and noisy: read ratios, not absolutes.'
        ''
        '| Measure | Ours | Baseline | Result | Goal |'
        '|---|---|---|---|---|'
    )
    # A pipe inside a cell (Get-Tracking -All | Measure-Object) would end the cell: escape it.
    foreach ($row in $rows.Values) {
        $cells = $row.Measure, $row.Ours, $row.Baseline, $row.Result, $row.Goal | ForEach-Object { "$_".Replace('|', '\|') }
        $lines += '| ' + ($cells -join ' | ') + ' |'
    }
    $lines | Set-Content -Path $ResultsPath
    Get-Content $ResultsPath | Write-Host
}

# 6. Import cost, as a function: the full run measures it among the others, -ImportOnly alone.
function Measure-ImportCost {
    # 6. Import cost: a new pwsh that imports TrackingMore, against one that imports a small binary module shipped with
    # PowerShell (ThreadJob) and one that does nothing, interleaved so that the machine's load falls on all three alike.
    # Each child also times its Import-Module alone, which leaves pwsh's own start-up (most of the noise) out.
    Write-Host '6. Import cost'
    $time = {
        param([string] $Import)
        $command = if ($Import) { '$clock = [Diagnostics.Stopwatch]::StartNew(); Import-Module ' + $Import + '; $clock.Elapsed.TotalSeconds' } else { '0' }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $inside = & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $command
        [pscustomobject]@{ Process = $clock.Elapsed.TotalSeconds; Import = [double](@($inside)[-1]) }
    }
    $runs = 1..15 | ForEach-Object {
        [pscustomobject]@{ Bare = & $time ''; Ours = & $time "'$ModulePath'"; ThreadJob = & $time 'Microsoft.PowerShell.ThreadJob' }
    }
    $bare = Get-Median $runs.Bare.Process
    $import = Get-Median $runs.Ours.Process
    $threadJob = Get-Median $runs.ThreadJob.Process
    $importInside = Get-Median $runs.Ours.Import
    $threadJobInside = Get-Median $runs.ThreadJob.Import
    $rows['Import'] = [ordered]@{
        Measure = 'pwsh -c "Import-Module TrackingMore" / pwsh -c "Import-Module Microsoft.PowerShell.ThreadJob" (median of 15, interleaved)'
        Ours = '{0:N0} ms; Import-Module alone {1:N0} ms' -f ($import * 1000), ($importInside * 1000)
        Baseline = 'ThreadJob {0:N0} ms, Import-Module alone {1:N0} ms; bare pwsh {2:N0} ms' -f ($threadJob * 1000), ($threadJobInside * 1000), ($bare * 1000)
        Result = '{0:N2}x ThreadJob ({1:N2}x bare)' -f ($import / $threadJob), ($import / $bare)
        Goal = '<= 1.05x ThreadJob (about 1.04 before the assembly split)'
    }
}

$rows = [ordered]@{}
$machine = "$([Environment]::ProcessorCount) cores, $([Math]::Round([GC]::GetGCMemoryInfo().TotalAvailableMemoryBytes / 1GB)) GB, $([Runtime.InteropServices.RuntimeInformation]::OSDescription)"

if ($ImportOnly) {
    Measure-ImportCost
    Write-Results
    return
}

if (-not ($SecondRoundOnly -or $MemoryOnly)) {
    # 1. Throughput without the limit, 100k trackings.
    Write-Host '1. Throughput, 100k trackings, list limit off'
    $emulator = Start-TrackingMoreEmulator -Path $EmulatorPath -ApiKey $Key -ArgumentList '--seed', '100000', '--list-interval-ms', '0' -TimeoutSec 180
    try {
        $parameters = @{ Module = $ModulePath; Key = $Key; BaseUri = $emulator.BaseUri; Rate = 0 }
        $oursRuns = 1..$Repeat | ForEach-Object { Invoke-Child $ours $parameters }
        $plainRuns = 1..$Repeat | ForEach-Object { Invoke-Child $plain $parameters }
        $oursRate = Get-Median ($oursRuns | ForEach-Object { $_.Count / $_.Seconds })
        $plainRate = Get-Median ($plainRuns | ForEach-Object { $_.Count / $_.Seconds })
        $rows['Throughput'] = [ordered]@{
            Measure = 'Get-Tracking -All, 100k trackings, limit off (trackings/s, median of ' + $Repeat + ')'
            Ours = '{0:N0}/s ({1:N0} items)' -f $oursRate, $oursRuns[0].Count
            Baseline = '{0:N0}/s (Invoke-RestMethod page loop, {1:N0} items)' -f $plainRate, $plainRuns[0].Count
            Result = '{0:N1}x faster' -f ($oursRate / $plainRate)
            Goal = '>= 3x'
        }
    } finally { Stop-TrackingMoreEmulator $emulator }
}

if (-not $SecondRoundOnly) {
    # 2. Memory: 20k and 200k trackings, peak working set of the whole pwsh.
    Write-Host '2. Memory, 20k and 200k trackings'
    $peaks = @{}
    foreach ($size in 20000, 200000) {
        $emulator = Start-TrackingMoreEmulator -Path $EmulatorPath -ApiKey $Key -ArgumentList '--seed', "$size", '--list-interval-ms', '0' -TimeoutSec 300
        try {
            # Median of -Repeat children: one child's peak moves by 5% from run to run on a shared machine.
            $runs = 1..$Repeat | ForEach-Object { Invoke-Child $ours @{ Module = $ModulePath; Key = $Key; BaseUri = $emulator.BaseUri; Rate = 0 } }
            foreach ($run in $runs) { if ($run.Count -ne $size) { throw "Expected $size trackings, listed $($run.Count)." } }
            $peaks[$size] = Get-Median ($runs | ForEach-Object PeakMB)
        } finally { Stop-TrackingMoreEmulator $emulator }
    }
    $rows['Memory'] = [ordered]@{
        Measure = 'Peak working set of pwsh running Get-Tracking -All | Measure-Object (median of ' + $Repeat + ')'
        Ours = '{0:N0} MB at 20k, {1:N0} MB at 200k' -f $peaks[20000], $peaks[200000]
        Baseline = '-'
        Result = '{0:N2}x' -f ($peaks[200000] / $peaks[20000])
        Goal = '<= 1.1x'
    }
}

if (-not ($SecondRoundOnly -or $MemoryOnly)) {
    # 3 and 4. Pacing with the limit on, and time to first object, 10 pages of 100.
    Write-Host '3. Pacing at 1 request/s, 10 pages; 4. time to first object'
    $emulator = Start-TrackingMoreEmulator -Path $EmulatorPath -ApiKey $Key -ArgumentList '--seed', '1000' -TimeoutSec 120
    try {
        $parameters = @{ Module = $ModulePath; Key = $Key; BaseUri = $emulator.BaseUri; Rate = 1 }
        $paced = Invoke-Child ($connect + '
            # One page, timed the same way as the first object below (warmed first: JIT, connection, the script block).
            $first = $null
            Get-Tracking -PageSize 100 | ForEach-Object { if ($null -eq $first) { $first = 0 } }
            Start-Sleep -Milliseconds 1100
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $first = $null
            Get-Tracking -PageSize 100 | ForEach-Object { if ($null -eq $first) { $first = $clock.Elapsed.TotalSeconds } }
            $one = $first
            Start-Sleep -Milliseconds 1100
            $clock.Restart()
            $first = $null
            $count = 0
            Get-Tracking -All -PageSize 100 | ForEach-Object { if ($null -eq $first) { $first = $clock.Elapsed.TotalSeconds }; $count++ }
            @{ One = $one; First = $first; Total = $clock.Elapsed.TotalSeconds; Count = $count } | ConvertTo-Json -Compress') $parameters
        $requests = Get-EmulatorRequest $emulator '*/trackings/get'
        $limited = @($requests | Where-Object { $_.metaCode -eq 429 -or $_.httpStatus -eq 429 }).Count
        $floor = 9 + $paced.One
        $rows['Pacing'] = [ordered]@{
            Measure = 'Get-Tracking -All -PageSize 100, 10 pages at 1 request/s: wall time / (9 s + one response)'
            Ours = '{0:N2} s for {1} items; floor {2:N2} s; 429 answers: {3}' -f $paced.Total, $paced.Count, $floor, $limited
            Baseline = '-'
            Result = '{0:N3}' -f ($paced.Total / $floor)
            Goal = '<= 1.05, no 429'
        }
        $rows['FirstObject'] = [ordered]@{
            Measure = 'Time to first object under -All (one page = ' + ('{0:N0} ms' -f ($paced.One * 1000)) + ')'
            Ours = '{0:N0} ms' -f ($paced.First * 1000)
            Baseline = '-'
            Result = '{0:N2} page round trips' -f ($paced.First / $paced.One)
            Goal = 'about 1'
        }
    } finally { Stop-TrackingMoreEmulator $emulator }

    # 5. Bulk create: 10k piped items.
    Write-Host '5. Bulk create, 10k items'
    $emulator = Start-TrackingMoreEmulator -Path $EmulatorPath -ApiKey $Key -TimeoutSec 60
    try {
        $created = Invoke-Child ($connect + '
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $count = (1..10000 | ForEach-Object { [pscustomobject]@{ TrackingNumber = "BN{0:D9}CN" -f $_; CarrierCode = "china-post" } } | New-Tracking | Measure-Object).Count
            @{ Count = $count; Seconds = $clock.Elapsed.TotalSeconds } | ConvertTo-Json -Compress') @{ Module = $ModulePath; Key = $Key; BaseUri = $emulator.BaseUri; Rate = 1 }
        $batches = @(Get-EmulatorRequest $emulator '*/trackings/batch').Count
        $rows['BulkCreate'] = [ordered]@{
            Measure = 'New-Tracking of 10k piped items'
            Ours = '{0:N0} created, {1} batch requests, {2:N0} items/s' -f $created.Count, $batches, ($created.Count / $created.Seconds)
            Baseline = '-'
            Result = "$batches requests"
            Goal = '250 requests'
        }
    } finally { Stop-TrackingMoreEmulator $emulator }

    Measure-ImportCost

    # 7. Faults: bulk create and -All under a 20% fault rate, then a search for the key in everything a run printed.
    Write-Host '7. Faults and secrets'
    $emulator = Start-TrackingMoreEmulator -Path $EmulatorPath -ApiKey $Key -ArgumentList '--seed', '2000', '--list-interval-ms', '0' -TimeoutSec 60
    try {
        $rules = @(
            @{ path = '/trackings/batch'; rate = 0.1; seed = 1; action = 'after-process-drop' }
            @{ path = '/trackings/batch'; rate = 0.1; seed = 2; action = 'http503'; retryAfter = 0 }
            @{ path = '/trackings/get'; rate = 0.1; seed = 3; action = 'drop' }
            @{ path = '/trackings/get'; rate = 0.1; seed = 4; action = 'meta429'; retryAfter = 0 }
        )
        foreach ($rule in $rules) { Add-EmulatorFault $emulator $rule }
        $faulted = Invoke-Child ($connect + '
            $transcript = Join-Path ([IO.Path]::GetTempPath()) "tm-bench-$PID.txt"
            Start-Transcript $transcript | Out-Null
            $VerbosePreference = "Continue"; $DebugPreference = "Continue"
            $created = @(1..1000 | ForEach-Object { [pscustomobject]@{ TrackingNumber = "FB{0:D9}CN" -f $_; CarrierCode = "china-post" } } |
                New-Tracking -ErrorVariable createErrors -ErrorAction SilentlyContinue)
            $listed = @(Get-Tracking -All -PageSize 150 -ErrorVariable listErrors -ErrorAction SilentlyContinue)
            $VerbosePreference = "SilentlyContinue"; $DebugPreference = "SilentlyContinue"
            Stop-Transcript | Out-Null
            $printed = (Get-Content $transcript -Raw) + ($Error | Out-String) + (Get-TrackingMoreConnection | Format-List * | Out-String)
            Remove-Item $transcript
            @{ CreatedOut = $created.Count; CreateErrors = $createErrors.Count; Listed = $listed.Count; Unique = @($listed.Id | Sort-Object -Unique).Count
               ListErrors = $listErrors.Count; KeyFound = ([regex]::Matches($printed, [regex]::Escape($P.Key))).Count } | ConvertTo-Json -Compress') @{ Module = $ModulePath; Key = $Key; BaseUri = $emulator.BaseUri; Rate = 0 }
        $log = @(Get-EmulatorRequest $emulator)
        $injected = @($log | Where-Object { $_.fault }).Count
        $rows['Faults'] = [ordered]@{
            Measure = 'New-Tracking of 1000 items, then Get-Tracking -All (3000 trackings, 20 pages), under 20% injected faults per endpoint'
            Ours = '{0} faults injected in {1} requests; items in 1000, out {2} objects + {3} errors; listed {4} ({5} unique), {6} errors' -f $injected, $log.Count, $faulted.CreatedOut, $faulted.CreateErrors, $faulted.Listed, $faulted.Unique, $faulted.ListErrors
            Baseline = '-'
            Result = 'key found {0} times in transcript, errors and connection' -f $faulted.KeyFound
            Goal = 'every item once; key found 0 times'
        }
    } finally { Stop-TrackingMoreEmulator $emulator }

    # 8. Hostile network: every hostile fault mode once, in a child that prints everything into a transcript; the key
    # is then searched for in all it printed and in the second listener's log, and the bomb's peak memory is read.
    Write-Host '8. Hostile network'
    $emulator = Start-TrackingMoreEmulator -Path $EmulatorPath -ApiKey $Key -ArgumentList '--seed', '300', '--second-listener', '--list-interval-ms', '0' -TimeoutSec 60
    try {
        $probes = [ordered]@{
            'redirect 302 (GET)'  = @{ action = 'redirect'; status = 302; count = 1 }
            'redirect 307 (POST)' = @{ action = 'redirect'; status = 307; count = 1 }
            'echo-headers'        = @{ action = 'echo-headers'; count = 1 }
            'echo-key'            = @{ action = 'echo-key'; count = 1 }
            'endless'             = @{ action = 'endless'; count = 1 }
            'huge-content-length' = @{ action = 'huge-content-length'; count = 1 }
            'repeat-page'         = @{ action = 'repeat-page' }
            'overlong-page'       = @{ action = 'overlong-page'; after = 1 }
            'duplicate-ids'       = @{ action = 'duplicate-ids' }
            'gzip-bomb 2400 MB'   = @{ action = 'gzip-bomb'; sizeMb = 2400; count = 1 }
        }
        $outcomes = [ordered]@{}
        foreach ($name in $probes.Keys) {
            Clear-EmulatorFault $emulator
            # Only the probed call meets the fault, not the child's warm-up.
            $rule = $probes[$name] + @{ path = $(if ($name -like '*POST*') { '/trackings/post' } else { '/trackings/get' }) }
            Add-EmulatorFault $emulator $rule
            $outcomes[$name] = Invoke-Child ($connect + '
                $transcript = Join-Path ([IO.Path]::GetTempPath()) "tm-hostile-$PID.txt"
                Get-TrackingCarrier | Out-Null   # warm-up on GET /carriers, which no probe rule matches
                [GC]::Collect()
                $self = [Diagnostics.Process]::GetCurrentProcess(); $start = $self.WorkingSet64
                Start-Transcript $transcript | Out-Null
                $VerbosePreference = "Continue"; $DebugPreference = "Continue"
                # A listing that has to stop ends its command: caught, it is one error like the others. (-ErrorVariable holds
                # the exception of a terminating error, not its record, so the id is read from the records only.)
                $failed = [Collections.ArrayList]::new()
                $objects = @(try {
                        if ($P.Post) { New-Tracking -TrackingNumber ("HB{0:D9}CN" -f (Get-Random -Maximum 999999999)) -CarrierCode china-post -ErrorVariable +failed -ErrorAction SilentlyContinue }
                        else { Get-Tracking -All -PageSize 40 -ErrorVariable +failed -ErrorAction SilentlyContinue }
                    } catch { $null = $failed.Add($_) })
                $VerbosePreference = "SilentlyContinue"; $DebugPreference = "SilentlyContinue"
                $failed | Format-List * -Force | Out-Host
                Stop-Transcript | Out-Null
                $self.Refresh()
                $printed = (Get-Content $transcript -Raw) + ($Error | Out-String)
                Remove-Item $transcript
                @{ Objects = $objects.Count; Unique = @($objects.Id | Sort-Object -Unique).Count; ErrorId = "$(@($failed | Where-Object { $_ -is [Management.Automation.ErrorRecord] })[0].FullyQualifiedErrorId)".Split(",")[0]
                   PeakAboveStartMB = ($self.PeakWorkingSet64 - $start) / 1MB; KeyFound = ([regex]::Matches($printed, [regex]::Escape($P.Key))).Count } | ConvertTo-Json -Compress') @{
                Module = $ModulePath; Key = $Key; BaseUri = $emulator.BaseUri; Rate = 0; Post = $name -like '*POST*' }
        }
        $second = @(Get-EmulatorRequest $emulator | Where-Object { $_.listener -eq 'second' })
        $keyFound = ($outcomes.Values | Measure-Object KeyFound -Sum).Sum + @($second | Where-Object keyHeader).Count
        $pagingModes = 'repeat-page', 'overlong-page', 'duplicate-ids'
        $rows['Hostile'] = [ordered]@{
            Measure = "Hostile fault modes, one child run each: $($probes.Keys -join ', ')"
            Ours = ($outcomes.Keys | ForEach-Object { '{0}: {1} objects, {2}' -f $_, $outcomes[$_].Objects, $(if ($outcomes[$_].ErrorId) { $outcomes[$_].ErrorId } else { 'no error' }) }) -join '; '
            Baseline = '{0} requests reached the redirect target' -f $second.Count
            Result = 'key found {0} times (transcripts, errors, redirect target''s log); bomb peak +{1:N0} MB; {2} of 3 paging runs ended' -f $keyFound,
                $outcomes['gzip-bomb 2400 MB'].PeakAboveStartMB, @($pagingModes | Where-Object { $outcomes[$_].ErrorId -eq 'TrackingMore.PagingInconsistent' -or $outcomes[$_].Unique -eq $outcomes[$_].Objects }).Count
            Goal = 'key 0 times; bomb under +200 MB; every paging run ends'
        }
    } finally { Stop-TrackingMoreEmulator $emulator }
}

# 9. Hostile peers, second round (issue 17): one row per finding, each probe in a child pwsh (or, for the emulator's
# own hooks and the proxy, from here), against an emulator with the hostile fault modes.
if ($MemoryOnly) { Write-Results; return }
Write-Host '9. Hostile peers, second round'
$emulator = Start-TrackingMoreEmulator -Path $EmulatorPath -ApiKey $Key -ArgumentList '--seed', '600', '--list-interval-ms', '0' -TimeoutSec 60
try {
    $parameters = @{ Module = $ModulePath; Key = $Key; BaseUri = $emulator.BaseUri; Rate = 0 }
    $signer = '
        $email = ConvertTo-SecureString "hooks@example.com" -AsPlainText -Force
        function New-Body([string] $Time, [string] $Number, [string] $Carrier = "china-post") {
            $hmac = [System.Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes("hooks@example.com"))
            $signature = [Convert]::ToHexString($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($Time))).ToLowerInvariant()
            "{""data"":{""tracking_number"":""$Number"",""carrier_code"":""$Carrier""},""verifyInfo"":{""timeStr"":""$Time"",""signature"":""$signature""}}"
        }
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds().ToString();'

    Add-EmulatorFault $emulator @{ path = '/carriers'; action = 'carrier-list'; items = @(@{ code = 'ups$(Set-Content -LiteralPath $env:TM_MARKER -Value owned)'; name = "Evil`e]0;owned`a" }, @{ code = 'upsx'; name = "UPS`e[2J" }) }
    $completion = Invoke-Child ($connect + '
        $env:TM_MARKER = Join-Path ([IO.Path]::GetTempPath()) "tm-bench-completion-$PID.txt"
        $null = Get-TrackingCarrier
        $line = "Get-Tracking RR050349575PH -CarrierCode ups"
        $results = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)
        foreach ($result in $results) { try { Invoke-Expression "Get-Tracking RR050349575PH -CarrierCode $($result.CompletionText) -ErrorAction SilentlyContinue" } catch { } }
        $ran = Test-Path $env:TM_MARKER; Remove-Item $env:TM_MARKER -ErrorAction SilentlyContinue
        $PSStyle.OutputRendering = "PlainText"
        $shown = (Get-TrackingCarrier | Format-Table | Out-String) + ($results.ListItemText -join "")
        @{ Results = $results.Count; Quoted = @($results | Where-Object { $_.CompletionText -like "''*" }).Count; Ran = $ran
           Controls = ([regex]::Matches($shown, "[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F]")).Count } | ConvertTo-Json -Compress') $parameters
    Clear-EmulatorFault $emulator
    $rows['Completion'] = [ordered]@{
        Measure = 'Tab completion of -CarrierCode from a /carriers holding ups$(Set-Content ...) and names with ESC/BEL, then Enter on each; tables with OutputRendering PlainText'
        Ours = '{0} results, {1} quoted; server code ran: {2}; control characters shown: {3}' -f $completion.Results, $completion.Quoted, $completion.Ran, $completion.Controls
        Baseline = '-'
        Result = $(if (-not $completion.Ran -and $completion.Controls -eq 0) { 'nothing ran, terminal untouched' } else { 'FAILED' })
        Goal = 'nothing runs; no control character'
    }

    $replay = Invoke-Child ('Import-Module $P.Module;' + $signer + '
        $body = New-Body $now "RR990000001CN"
        $first = @($body | ConvertFrom-TrackingWebhook -AccountEmail $email).Count
        $variants = @(
            [regex]::Replace($body, """signature"":""([0-9a-f]+)""", { param($m) """signature"":""" + $m.Groups[1].Value.ToUpperInvariant() + """" })
            $body.Replace("RR990000001CN", "rr990000001cn"), $body.Replace("RR990000001CN", "RR990000001CN "), $body.Replace("china-post", "China-Post"))
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $accepted = @(1..1250 | ForEach-Object { $variants } | ConvertFrom-TrackingWebhook -AccountEmail $email -ErrorAction SilentlyContinue).Count
        @{ First = $first; Tried = 4 * 1250; Accepted = $accepted; Seconds = $clock.Elapsed.TotalSeconds } | ConvertTo-Json -Compress') $parameters
    $rows['Replay'] = [ordered]@{
        Measure = 'One captured webhook, then 5,000 replays re-casing the signature, lower-casing the number, adding a space, or China-Post'
        Ours = 'first accepted: {0}; replays accepted: {1} of {2} in {3:N1} s' -f $replay.First, $replay.Accepted, $replay.Tried, $replay.Seconds
        Baseline = 'before: 5,008 accepted in 3.2 s'
        Result = '{0} replays accepted' -f $replay.Accepted
        Goal = '0'
    }

    $cycles = foreach ($cycle in 2, 3) {
        Clear-EmulatorRequest $emulator
        Add-EmulatorFault $emulator @{ action = 'cycle-pages'; cycle = $cycle; withTotal = ($cycle -eq 3) }
        $run = Invoke-Child ($connect + '
            $id = ""
            $objects = @(try { Get-Tracking -All -PageSize 10 | Select-Object -First 2000 } catch { $id = $_.FullyQualifiedErrorId.Split(",")[0] })
            @{ Objects = $objects.Count; Unique = @($objects.Id | Sort-Object -Unique).Count; ErrorId = $id } | ConvertTo-Json -Compress') $parameters
        $requests = @(Get-EmulatorRequest $emulator '*/trackings/get').Count
        Clear-EmulatorFault $emulator
        '{0}: {1} objects ({2} unique) in {3} requests, {4}' -f $(if ($cycle -eq 2) { 'A, B, A (no total)' } else { 'A, B, C, A (total)' }), $run.Objects, $run.Unique, $requests, $(if ($run.ErrorId) { $run.ErrorId } else { 'no error' })
    }
    $rows['CyclingPages'] = [ordered]@{
        Measure = 'Get-Tracking -All -PageSize 10 over full pages that cycle (cycle-pages), cut at 2,000 objects'
        Ours = $cycles -join '; '
        Baseline = 'before: 1,130 objects of 10 ids, 227 requests in 10 s, endless'
        Result = $(if (@($cycles | Where-Object { $_ -like '*PagingInconsistent*' }).Count -eq 2) { 'both end in PagingInconsistent' } else { 'FAILED' })
        Goal = 'ends, every id once'
    }

    # A recording proxy on loopback (EmulatorProcess.psm1), named by HTTP_PROXY and ALL_PROXY for the child.
    $proxySeen = foreach ($variable in 'HTTP_PROXY', 'ALL_PROXY') {
        $proxy = Start-RecordingProxy
        $saved = [Environment]::GetEnvironmentVariable($variable)
        [Environment]::SetEnvironmentVariable($variable, $proxy.Uri)
        try {
            $run = Invoke-Child ($connect + '$count = @(Get-Tracking -PageSize 5).Count; @{ Count = $count } | ConvertTo-Json -Compress') $parameters
        } finally {
            [Environment]::SetEnvironmentVariable($variable, $saved)
            $seen = Stop-RecordingProxy $proxy
        }
        # pwsh's own telemetry may go through ALL_PROXY too: the requests counted are those for the emulator.
        $forEmulator = [regex]::Matches($seen, [regex]::Escape(([uri]$emulator.BaseUri).Authority)).Count
        [pscustomobject]@{ Variable = $variable; Objects = $run.Count; ForEmulator = $forEmulator; Key = $seen.Contains($Key) }
    }
    $rows['Proxy'] = [ordered]@{
        Measure = 'Get-Tracking against http://127.0.0.1 with HTTP_PROXY / ALL_PROXY naming a recording proxy, no NO_PROXY'
        Ours = ($proxySeen | ForEach-Object { '{0}: {1} objects, {2} requests for the emulator reached the proxy, key {3}' -f $_.Variable, $_.Objects, $_.ForEmulator, $(if ($_.Key) { 'seen' } else { 'not seen' }) }) -join '; '
        Baseline = 'before: the proxy got Trackingmore-Api-Key in clear'
        Result = 'key seen by the proxy {0} times' -f @($proxySeen | Where-Object Key).Count
        Goal = '0; loopback goes direct'
    }

    Add-EmulatorFault $emulator @{ path = '/carriers'; action = 'carrier-list'; items = @(@{ code = 'a' }); repeat = 4600000 }
    $carriers = Invoke-Child ($connect + '
        $null = Get-Tracking -PageSize 1; [GC]::Collect(); $self = [Diagnostics.Process]::GetCurrentProcess(); $start = $self.WorkingSet64
        $id = try { $null = Get-TrackingCarrier; "no error" } catch { $_.FullyQualifiedErrorId.Split(",")[0] }
        Disconnect-TrackingMore; [GC]::Collect(); $self.Refresh()
        @{ ErrorId = $id; PeakAboveStartMB = ($self.PeakWorkingSet64 - $start) / 1MB; HeldMB = ($self.WorkingSet64 - $start) / 1MB } | ConvertTo-Json -Compress') $parameters
    Clear-EmulatorFault $emulator
    $rows['CarrierCache'] = [ordered]@{
        Measure = 'Get-TrackingCarrier of 60 MB of {"code":"a"} (4.6 million items), then Disconnect-TrackingMore'
        Ours = '{0}; peak +{1:N0} MB, +{2:N0} MB after Disconnect and a GC' -f $carriers.ErrorId, $carriers.PeakAboveStartMB, $carriers.HeldMB
        Baseline = 'before: 4.8 million carriers cached, peak 1.73 GB, 528 MB held after Disconnect'
        Result = 'peak +{0:N0} MB' -f $carriers.PeakAboveStartMB
        Goal = 'refused; at most 10,000 carriers, 8 MB a list'
    }

    $created = Invoke-Child ($connect + 'New-Tracking -TrackingNumber ("WB{0:D9}CN" -f (Get-Random -Maximum 999999999)) -CarrierCode china-post | ForEach-Object TrackingNumber | ConvertTo-Json -Compress') $parameters
    $webhooks = Invoke-Child ($connect + $signer + '
        $run = @(New-Body $now ".." ; New-Body $now $P.Number) | ConvertFrom-TrackingWebhook -AccountEmail $email -Refresh -ErrorVariable refused -ErrorAction SilentlyContinue
        $padding = "N" * 10240
        [GC]::Collect(); $before = [GC]::GetTotalMemory($true)
        1..10000 | ForEach-Object { New-Body $now ("$_" + $padding) "dhl" } | ConvertFrom-TrackingWebhook -AccountEmail $email -ErrorAction SilentlyContinue | Out-Null
        $Error.Clear()
        @{ Refreshed = @($run).Count; Refused = $refused.Count; HeldMB = ([GC]::GetTotalMemory($true) - $before) / 1MB } | ConvertTo-Json -Compress') ($parameters + @{ Number = $created })
    $rows['Webhooks'] = [ordered]@{
        Measure = 'ConvertFrom-TrackingWebhook -Refresh of a body naming ".." then a good one; 10,000 signed bodies with 10 KB numbers'
        Ours = '".." refused per body ({0} error), next body read ({1} object); {2:N1} MB held after the 10,000 and a GC' -f $webhooks.Refused, $webhooks.Refreshed, $webhooks.HeldMB
        Baseline = 'before: unhandled ArgumentException ended the pipeline; 193 MB held'
        Result = '{0:N1} MB held' -f $webhooks.HeldMB
        Goal = 'the pipeline goes on; bounded memory'
    }

    # The emulator's own hooks, as a browser page or a rebinding name would reach them.
    $handler = [System.Net.Http.HttpClientHandler]::new(); $handler.UseProxy = $false
    $http = [System.Net.Http.HttpClient]::new($handler)
    try {
        $rebind = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "$($emulator.Root)/_emulator/requests")
        $rebind.Headers.Host = 'rebind.evil.example'
        $rebindStatus = [int]$http.SendAsync($rebind).GetAwaiter().GetResult().StatusCode
        $plain = [System.Net.Http.StringContent]::new('{"action":"http503"}', [Text.Encoding]::UTF8, 'text/plain')
        $plainStatus = [int]$http.PostAsync("$($emulator.Root)/_emulator/faults", $plain).GetAwaiter().GetResult().StatusCode
        $clock = [System.Net.Http.StringContent]::new('{"advanceSeconds":100000000000000}', [Text.Encoding]::UTF8, 'application/json')
        $clockStatus = [int]$http.PostAsync("$($emulator.Root)/_emulator/clock", $clock).GetAwaiter().GetResult().StatusCode
        Add-EmulatorFault $emulator @{ action = 'gzip-bomb'; sizeMb = 2400; path = '/trackings/get' }
        $null = $http.GetAsync("$($emulator.BaseUri)/trackings/get").GetAwaiter().GetResult()
        $bombBytes = (Get-EmulatorInfo $emulator).faultPayloadBytes
        Clear-EmulatorFault $emulator
        $afterDelete = (Get-EmulatorInfo $emulator).faultPayloadBytes
        $bad = [System.Net.Http.ByteArrayContent]::new([byte[]](@([Text.Encoding]::ASCII.GetBytes('{"tracking_number":"RR1')) + @(0xFF) + @([Text.Encoding]::ASCII.GetBytes('","carrier_code":"dhl"}'))))
        $bad.Headers.ContentType = [System.Net.Http.Headers.MediaTypeHeaderValue]::new('application/json')
        $badRequest = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Post, "$($emulator.BaseUri)/trackings/post")
        $badRequest.Content = $bad; $null = $badRequest.Headers.TryAddWithoutValidation('Trackingmore-Api-Key', $Key)
        $badCode = ($http.SendAsync($badRequest).GetAwaiter().GetResult().Content.ReadAsStringAsync().GetAwaiter().GetResult() | ConvertFrom-Json).meta.code
        $long = [System.Net.Http.StringContent]::new((@{ tracking_number = 'FB000000001CN'; carrier_code = 'china-post'; title = 'x' * 25MB } | ConvertTo-Json -Compress), [Text.Encoding]::UTF8, 'application/json')
        $longRequest = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Post, "$($emulator.BaseUri)/trackings/post")
        $longRequest.Content = $long; $null = $longRequest.Headers.TryAddWithoutValidation('Trackingmore-Api-Key', $Key)
        $longCode = ($http.SendAsync($longRequest).GetAwaiter().GetResult().Content.ReadAsStringAsync().GetAwaiter().GetResult() | ConvertFrom-Json).meta.code
    } finally { $http.Dispose() }
    $rows['EmulatorHooks'] = [ordered]@{
        Measure = 'The emulator''s hooks: Host rebind.evil.example, a text/plain POST of a rule, advanceSeconds 1e14, a 2400 MB bomb then DELETE /faults, a number with byte FF'
        Ours = 'rebind {0}; text/plain {1}; clock {2}; bomb {3:N0} bytes held, {4} after DELETE; bad UTF-8 meta {5}' -f $rebindStatus, $plainStatus, $clockStatus, $bombBytes, $afterDelete, $badCode
        Baseline = 'before: 200, 200 (rule added), clock broken for good, bombs kept, meta 500'
        Result = $(if ($rebindStatus -eq 403 -and $plainStatus -eq 415 -and $clockStatus -eq 400 -and $afterDelete -eq 0 -and $badCode -eq 4014) { 'all refused or bounded' } else { 'FAILED' })
        Goal = '403, 415, 400, 0, 4014'
    }

    $postsBefore = @(Get-EmulatorRequest $emulator '*/trackings/post').Count
    $fields = Invoke-Child ($connect + '
        $id = try { $null = New-Tracking -TrackingNumber FB000000002CN -CarrierCode china-post -Title ("x" * 25MB); "no error" } catch { $_.FullyQualifiedErrorId.Split(",")[0] }
        @{ ErrorId = $id } | ConvertTo-Json -Compress') $parameters
    $postsSent = @(Get-EmulatorRequest $emulator '*/trackings/post').Count - $postsBefore
    $rows['Fields'] = [ordered]@{
        Measure = 'A 25 MB title: POST /trackings/post to the emulator, and New-Tracking -Title'
        Ours = 'emulator meta {0}; New-Tracking {1}, {2} requests sent' -f $longCode, $fields.ErrorId, $postsSent
        Baseline = 'before: stored (fields up to 30 MB); three of them made every listing fail ResponseTooLarge'
        Result = $(if ($longCode -eq 4012 -and $fields.ErrorId -eq 'ParameterArgumentValidationError' -and $postsSent -eq 0) { 'refused on both sides' } else { 'FAILED' })
        Goal = '4012; refused before sending (255 characters)'
    }
} finally { Stop-TrackingMoreEmulator $emulator }

Write-Results
