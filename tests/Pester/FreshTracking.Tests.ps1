# A tracking right after it is created: the service (and the emulator) answers the short record, without
# origin_info, until the carrier's first result (api-v2.md "What a freshly created tracking looks like").

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    $script:Emulator = Start-TestEmulator -ArgumentList '--list-interval-ms', '0'
    Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0 }

    # The raw answer, to make sure the module is really reading the short form and not something fuller.
    function Get-RawTracking([string] $Carrier, [string] $Number) {
        $headers = @{ 'Trackingmore-Api-Key' = $script:Emulator.ApiKey }
        (Invoke-RestMethod -Uri "$($script:Emulator.BaseUri)/trackings/$Carrier/$Number" -Headers $headers -NoProxy).data
    }
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe 'Get-Tracking right after New-Tracking' {
    BeforeAll {
        $script:Number = New-TestTrackingNumber -Prefix 'FR'
        $script:Created = New-Tracking -TrackingNumber $script:Number -CarrierCode 'china-post' -Title 'Fresh'
    }

    It 'reads the short record the service sends' {
        $raw = Get-RawTracking 'china-post' $script:Number
        @($raw.PSObject.Properties.Name) | Should -Not -Contain 'origin_info'
        @($raw.PSObject.Properties.Name).Count | Should -BeLessThan 10
        $raw.status | Should -Be 'pending'
    }

    It 'gives a Pending tracking with no events and no error, by number and carrier' {
        $errors = @()
        $tracking = Get-Tracking $script:Number -CarrierCode 'china-post' -ErrorVariable errors
        $errors.Count | Should -Be 0
        @($tracking).Count | Should -Be 1
        $tracking.Status | Should -Be 'Pending'
        $tracking.TrackingNumber | Should -Be $script:Number
        $tracking.CarrierCode | Should -Be 'china-post'
        $tracking.Id | Should -Be $script:Created.Id
        $tracking.Title | Should -Be 'Fresh'
        @($tracking.Events).Count | Should -Be 0
        $tracking.Origin | Should -BeNullOrEmpty
        # The service's "null" strings for unset customer fields are not shown as text.
        $tracking.CustomerName | Should -BeNullOrEmpty
        $tracking.CustomerEmail | Should -BeNullOrEmpty
    }

    It 'gives the same by number alone and in a listing' {
        $errors = @()
        $byNumber = Get-Tracking $script:Number -ErrorVariable errors
        $listed = Get-Tracking -Status Pending -All -ErrorVariable +errors | Where-Object TrackingNumber -EQ $script:Number
        $errors.Count | Should -Be 0
        foreach ($tracking in @($byNumber, $listed)) {
            $tracking.Status | Should -Be 'Pending'
            @($tracking.Events).Count | Should -Be 0
        }
    }

    It 'formats and exports the short record without error' {
        $tracking = Get-Tracking $script:Number -CarrierCode 'china-post'
        { $tracking | Format-Table | Out-String } | Should -Not -Throw
        { $tracking | Format-List | Out-String } | Should -Not -Throw
        $csv = Join-Path $TestDrive 'fresh.csv'
        $tracking | Export-Csv $csv -NoTypeInformation
        (Import-Csv $csv).Status | Should -Be 'Pending'
    }

    It 'ends the pending phase with Invoke-RealtimeTracking when the carrier knows the number' {
        $number = New-TestTrackingNumber -Prefix 'FR'
        $null = New-Tracking -TrackingNumber $number -CarrierCode 'china-post' -Title 'emulator:delivered'
        (Get-Tracking $number -CarrierCode 'china-post').Status | Should -Be 'Pending'

        $realtime = Invoke-RealtimeTracking -TrackingNumber $number -CarrierCode 'china-post'

        $realtime.Status | Should -Not -Be 'Pending'
        @($realtime.Events).Count | Should -BeGreaterThan 0
        $after = Get-Tracking $number -CarrierCode 'china-post'
        $after.Status | Should -Be $realtime.Status
        @($after.Events).Count | Should -Be @($realtime.Events).Count
    }
}
