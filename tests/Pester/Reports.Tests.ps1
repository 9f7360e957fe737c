# What a report script meets: the views' headers are the objects' property names, CSV exports are flat and cannot
# start a formula in a spreadsheet, times read one way, and the README's pipelines work as written.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    $script:Module = Get-Module TrackingMore
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '120', '--list-interval-ms', '0'
    Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0 }
    $script:Moving = @(Get-Tracking -Status Transit -PageSize 20) + @(Get-Tracking -Status Delivered -PageSize 20)

    # One object of every type the module writes, each from the cmdlet that writes it.
    $created = New-Tracking -TrackingNumber (New-TestTrackingNumber -Prefix 'RV') -CarrierCode china-post
    $waybill = Get-TrackingAirWaybill 172-28891936
    $script:Samples = @{
        'TrackingMore.Models.Tracking'              = $script:Moving[0]
        'TrackingMore.Models.TrackingEvent'         = $script:Moving[0].Events[0]
        'TrackingMore.Models.TrackingMoreConnection' = Get-TrackingMoreConnection
        'TrackingMore.Models.Carrier'               = Get-TrackingCarrier china-post
        'TrackingMore.Models.DetectedCarrier'       = Find-TrackingCarrier RR050349575PH | Select-Object -First 1
        'TrackingMore.Models.TrackingStatusCount'   = Get-TrackingStatusCount
        'TrackingMore.Models.TrackingAccount'       = Get-TrackingAccount
        'TrackingMore.Models.RemoteAreaResult'      = Test-TrackingRemoteArea -Country JP -PostalCode '100-0001' | Select-Object -First 1
        'TrackingMore.Models.TransitTime'           = Get-TrackingTransitTime -CarrierCode china-post -Origin CN -Destination US
        'TrackingMore.Models.AirWaybill'            = $waybill
        'TrackingMore.Models.AirWaybillEvent'       = $waybill.Events[0]
        'TrackingMore.Models.TrackingIdentity'      = $created | Remove-Tracking -Confirm:$false -PassThru
    }

    # Every header of every view in the module's format file: a label, or the property a column shows.
    $format = [xml](Get-Content (Join-Path $script:Module.ModuleBase 'TrackingMore.Format.ps1xml') -Raw)
    $script:Headers = foreach ($view in $format.Configuration.ViewDefinitions.View) {
        $type = $view.ViewSelectedBy.TypeName
        if ($view.TableControl) {
            $labels = @($view.TableControl.TableHeaders.TableColumnHeader)
            $items = @($view.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem)
            for ($i = 0; $i -lt $items.Count; $i++) {
                $label = if ($labels[$i].Label) { $labels[$i].Label } else { $items[$i].PropertyName }
                @{ View = $view.Name; Type = $type; Header = $label }
            }
        }
        foreach ($item in @($view.ListControl.ListEntries.ListEntry.ListItems.ListItem)) {
            if (-not $item) { continue }
            $label = if ($item.Label) { $item.Label } else { $item.PropertyName }
            @{ View = $view.Name; Type = $type; Header = $label }
        }
    }
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe 'Views' {
    It 'has an emitted object for every type a view is for' {
        $script:Headers.Count | Should -BeGreaterThan 0
        foreach ($header in $script:Headers) {
            $script:Samples[$header.Type] | Should -Not -BeNullOrEmpty -Because "$($header.View) needs a real $($header.Type) to check"
            $script:Samples[$header.Type].PSObject.TypeNames[0] | Should -Be $header.Type
        }
    }

    It 'names in every header a property of the object it shows' {
        $wrong = foreach ($header in $script:Headers) {
            $sample = $script:Samples[$header.Type]
            if ($null -eq $sample.PSObject.Properties[$header.Header]) { "$($header.View): '$($header.Header)' is no property of $($header.Type)" }
        }
        $wrong | Should -BeNullOrEmpty
    }

    It 'sorts and filters Get-Tracking by the names its table shows' {
        $table = $script:Moving | Format-Table | Out-String -Width 200
        $header = ($table -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1).Trim() -split '\s+'
        $header | Should -Contain 'LastUpdateTime'
        $header | Should -Contain 'CarrierCode'
        $sorted = @($script:Moving | Sort-Object LastUpdateTime)
        for ($i = 1; $i -lt $sorted.Count; $i++) { $sorted[$i].LastUpdateTime | Should -BeGreaterOrEqual $sorted[$i - 1].LastUpdateTime }
        $carrier = $script:Moving[0].CarrierCode
        @($script:Moving | Where-Object CarrierCode -EQ $carrier).Count | Should -Be @($script:Moving | Where-Object { $_.CarrierCode -eq $carrier }).Count
        @($script:Moving | Where-Object CarrierCode -EQ $carrier).Count | Should -BeGreaterThan 0
    }
}
