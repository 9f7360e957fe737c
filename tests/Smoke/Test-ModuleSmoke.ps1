<#
.SYNOPSIS
    A smoke subset of the module's behaviour, for a shell the Pester suites cannot run in (Windows PowerShell 5.1).
.DESCRIPTION
    Run by Invoke-SmokeTest.ps1, which starts the emulator and passes it in $env:TRACKINGMORE_API_KEY and
    $env:TRACKINGMORE_BASE_URI. Written for Windows PowerShell 5.1 and PowerShell 7 alike: no syntax or parameter
    that only PowerShell 7 has. Imports the built module, runs each check, and ends with
    "smoke: N passed, N failed"; exits 1 when a check failed.
#>
param(
    # The built module folder (out/TrackingMore).
    [Parameter(Mandatory)] [string] $ModulePath,
    # The edition this run must be in (Desktop in CI's Windows PowerShell job), so a wrong shell cannot pass unseen.
    [Parameter(Mandatory)] [ValidateSet('Core', 'Desktop')] [string] $Edition
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$script:Passed = 0
$script:Failed = 0

# Runs one check; a check fails by throwing. Every check runs, so one failure does not hide the others.
function Test-Step([string] $Name, [scriptblock] $Check) {
    try {
        $null = & $Check
        $script:Passed++
        Write-Output "[+] $Name"
    } catch {
        $script:Failed++
        Write-Output "[-] $Name`n    $($_.Exception.Message)"
    }
}

function Assert-True([bool] $Condition, [string] $Message) {
    if (-not $Condition) { throw $Message }
}

Write-Output "PowerShell $($PSVersionTable.PSVersion) ($($PSVersionTable.PSEdition)), $([Environment]::OSVersion.VersionString)"
$shipments = @(Import-Csv (Join-Path $PSScriptRoot '../../samples/shipments.csv'))
$numbers = @($shipments | ForEach-Object { $_.TrackingNumber })

Test-Step "runs in PowerShell's $Edition edition" {
    Assert-True ($PSVersionTable.PSEdition -eq $Edition) "this is the $($PSVersionTable.PSEdition) edition"
}

Test-Step 'imports the built module and exports its cmdlets' {
    Import-Module $ModulePath -Force
    $exported = @(Get-Command -Module TrackingMore).Count
    $listed = @((Import-PowerShellDataFile (Join-Path (Get-Module TrackingMore).ModuleBase 'TrackingMore.psd1')).CmdletsToExport).Count
    Assert-True ($exported -eq $listed) "exports $exported cmdlets, the manifest lists $listed"
}

Test-Step 'connects with the key from the environment and shows it masked' {
    Connect-TrackingMore -ListRequestsPerSecond 0
    $connection = Get-TrackingMoreConnection
    Assert-True ($connection.Source -eq 'Environment') "source is '$($connection.Source)'"
    Assert-True ($connection.ApiKey -notmatch [regex]::Escape($env:TRACKINGMORE_API_KEY)) 'the connection shows the key'
}

Test-Step 'reads the account' {
    $account = Get-TrackingAccount
    Assert-True (-not [string]::IsNullOrEmpty($account.Email)) 'the account has no e-mail'
}

Test-Step 'creates trackings from CSV rows through the pipeline, 40 a request' {
    $created = @($shipments | New-Tracking)
    Assert-True ($created.Count -eq $shipments.Count) "created $($created.Count) of $($shipments.Count)"
}

Test-Step 'gets a tracking by number' {
    $tracking = Get-Tracking $shipments[0].TrackingNumber -CarrierCode $shipments[0].CarrierCode
    Assert-True ($tracking.TrackingNumber -eq $shipments[0].TrackingNumber) "got $($tracking.TrackingNumber)"
    Assert-True ($tracking.Title -eq $shipments[0].Title) "title is '$($tracking.Title)'"
}

Test-Step 'pages through the list with -All' {
    $listed = @(Get-Tracking -All -PageSize 7 | Where-Object { $numbers -contains $_.TrackingNumber })
    Assert-True ($listed.Count -eq $shipments.Count) "listed $($listed.Count) of $($shipments.Count)"
}

Test-Step 'changes a tracking' {
    $changed = Set-Tracking $shipments[1].TrackingNumber $shipments[1].CarrierCode -Title 'Smoke title' -Confirm:$false
    Assert-True ($changed.Title -eq 'Smoke title') "title is '$($changed.Title)'"
}

Test-Step 'counts trackings by status' {
    $count = Get-TrackingStatusCount
    Assert-True ($count.Total -ge $shipments.Count) "total is $($count.Total)"
}

Test-Step 'reports an unknown tracking as TrackingMore.NotFound against its number' {
    $failures = $null
    $null = Get-Tracking 'RR000000000XX' -CarrierCode 'china-post' -ErrorAction SilentlyContinue -ErrorVariable failures
    Assert-True (@($failures).Count -eq 1) "$(@($failures).Count) errors"
    Assert-True ($failures[0].FullyQualifiedErrorId -like 'TrackingMore.NotFound,*') "error id $($failures[0].FullyQualifiedErrorId)"
    Assert-True ($failures[0].TargetObject -ne $null) 'the error has no target'
}

Test-Step 'refuses bad input before sending, naming the parameter' {
    $message = $null
    try { New-Tracking -TrackingNumber 'RR1' -CarrierCode 'china post' } catch { $message = $_.Exception.Message }
    Assert-True ($message -match 'CarrierCode') "message: $message"
}

Test-Step 'formats a table and exports CSV' {
    $table = Get-Tracking -First 3 | Format-Table | Out-String
    Assert-True ($table -match 'TrackingNumber') 'the table has no TrackingNumber column'
    $csv = Get-Tracking -First 3 | ConvertTo-Csv -NoTypeInformation
    Assert-True (@($csv).Count -eq 4) "$(@($csv).Count) CSV lines"
}

Test-Step 'removes the trackings it created, -WhatIf sending nothing' {
    $null = $shipments | Select-Object -First 2 | Remove-Tracking -WhatIf
    Assert-True (@(Get-Tracking -All | Where-Object { $numbers -contains $_.TrackingNumber }).Count -eq $shipments.Count) '-WhatIf removed trackings'
    $null = $shipments | Remove-Tracking -Confirm:$false
    Assert-True (@(Get-Tracking -All | Where-Object { $numbers -contains $_.TrackingNumber }).Count -eq 0) 'trackings are left'
}

Disconnect-TrackingMore -ErrorAction SilentlyContinue
Write-Output "smoke: $script:Passed passed, $script:Failed failed"
if ($script:Failed -gt 0) { exit 1 }
