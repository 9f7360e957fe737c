<#
.SYNOPSIS
    The morning report of a shop: shipments by status, the ones that need a look, written as CSV files.
.DESCRIPTION
    Counts every status (Get-TrackingStatusCount), lists shipments stuck in transit for more than -StuckAfterDays
    days, and those with an exception or undelivered, each with its newest checkpoint. Lists every page at the API's
    rate limit. Connect-TrackingMore first.
.EXAMPLE
    ./Get-DailyReport.ps1 -OutputFolder ./report -StuckAfterDays 10
#>
[CmdletBinding()]
param(
    [string] $OutputFolder = '.',
    [int] $StuckAfterDays = 14
)

New-Item -ItemType Directory -Path $OutputFolder -Force | Out-Null
$counts = Get-TrackingStatusCount
$counts | Export-Csv (Join-Path $OutputFolder 'status-counts.csv') -NoTypeInformation

$stuck = @(Get-Tracking -Status Transit -All | Where-Object { $_.StayDays -ge $StuckAfterDays -or $_.TransitDays -ge $StuckAfterDays })
$problems = @(Get-Tracking -Status Exception -All) + @(Get-Tracking -Status Undelivered -All)
$columns = 'TrackingNumber', 'CarrierCode', 'Status', 'SubStatus', 'OriginCountry', 'DestinationCountry', 'TransitDays', 'StayDays', 'LastEvent', 'LastUpdateTime', 'OrderId', 'CustomerEmail'
$stuck | Select-Object $columns | ConvertTo-TrackingCsvSafe | Export-Csv (Join-Path $OutputFolder 'stuck.csv') -NoTypeInformation
$problems | Select-Object $columns | ConvertTo-TrackingCsvSafe | Export-Csv (Join-Path $OutputFolder 'problems.csv') -NoTypeInformation

[pscustomobject]@{ Total = $counts.Total; Delivered = $counts.Delivered; InTransit = $counts.Transit; Stuck = $stuck.Count; Problems = $problems.Count }
