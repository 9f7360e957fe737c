<#
.SYNOPSIS
    Registers the shipments of a CSV export with TrackingMore and writes what failed to a second CSV.
.DESCRIPTION
    The CSV's columns are named like New-Tracking's parameters (TrackingNumber, CarrierCode, Title, CustomerName,
    CustomerEmail, OrderId, ...) or like the API's fields (tracking_number, carrier_code, ...). Shipments already
    registered are not errors for this script: they are counted as skipped. Connect-TrackingMore first.
.EXAMPLE
    ./Import-Shipments.ps1 -Path orders.csv -FailedPath failed.csv
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $Path,
    [string] $FailedPath = 'failed-shipments.csv'
)

$created = @(Import-Csv $Path | New-Tracking -ErrorVariable failures -ErrorAction SilentlyContinue -WhatIf:$WhatIfPreference)
$alreadyThere = @($failures | Where-Object { $_.FullyQualifiedErrorId -like 'TrackingMore.AlreadyExists,*' })
$failed = @($failures | Where-Object { $_.FullyQualifiedErrorId -notlike 'TrackingMore.AlreadyExists,*' })
$failed | ForEach-Object {
    [pscustomobject]@{
        TrackingNumber = $_.TargetObject.TrackingNumber
        CarrierCode    = $_.TargetObject.CarrierCode
        ErrorId        = ($_.FullyQualifiedErrorId -split ',')[0]
        Message        = $_.Exception.Message
    }
} | ConvertTo-TrackingCsvSafe | Export-Csv $FailedPath -NoTypeInformation

[pscustomobject]@{ Created = $created.Count; Skipped = $alreadyThere.Count; Failed = $failed.Count; FailedList = $FailedPath }
