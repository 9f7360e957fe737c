# Shipments move on the emulator's clock: a fast --time-scale takes a new tracking to its end within the test's wait.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    # About two and a half simulated days per real second.
    $script:Emulator = Start-TestEmulator -ArgumentList '--time-scale', '200000', '--list-interval-ms', '0'
    Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0 }

    function Wait-TrackingStatus([string] $Number, [string] $Carrier, [string[]] $Status, [int] $TimeoutSec = 25) {
        $deadline = (Get-Date).AddSeconds($TimeoutSec)
        do {
            $tracking = Get-Tracking -TrackingNumber $Number -CarrierCode $Carrier
            if ("$($tracking.Status)" -in $Status) { return $tracking }
            Start-Sleep -Milliseconds 500
        } while ((Get-Date) -lt $deadline)
        $tracking
    }
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe 'Simulated shipments' {
    It 'takes a new tracking from pending to delivered, with checkpoints newest first' {
        $number = New-TestTrackingNumber -Prefix 'SD'
        $created = New-Tracking -TrackingNumber $number -CarrierCode china-post -Title 'emulator:delivered'
        "$($created.Status)" | Should -Be 'Pending'

        $tracking = Wait-TrackingStatus $number china-post 'Delivered'
        "$($tracking.Status)" | Should -Be 'Delivered'
        $tracking.SubStatus | Should -Match '^delivered00[1-4]$'
        $tracking.Events.Count | Should -BeGreaterOrEqual 3
        $dates = $tracking.Events.Date
        for ($i = 1; $i -lt $dates.Count; $i++) { $dates[$i - 1] | Should -BeGreaterOrEqual $dates[$i] }
        $tracking.LastUpdateTime | Should -Be $dates[0]
        $tracking.LastEvent | Should -Match ([regex]::Escape($tracking.Events[0].Description))
        $tracking.TransitDays | Should -BeGreaterThan 0

        $realtime = Invoke-RealtimeTracking -TrackingNumber $number -CarrierCode china-post
        "$($realtime.Status)" | Should -Be 'Delivered'
    }

    It 'ends in the outcome a test asks for' {
        $number = New-TestTrackingNumber -Prefix 'SX'
        $null = New-Tracking -TrackingNumber $number -CarrierCode china-post -Title 'emulator:exception'
        "$((Wait-TrackingStatus $number china-post 'Exception').Status)" | Should -Be 'Exception'
    }

    It 'freezes a tracking once Stop-TrackingUpdate stops it' {
        $number = New-TestTrackingNumber -Prefix 'SF'
        $null = New-Tracking -TrackingNumber $number -CarrierCode china-post -Title 'emulator:delivered'
        $null = Get-Tracking -TrackingNumber $number -CarrierCode china-post | Stop-TrackingUpdate -Confirm:$false
        $before = Get-Tracking -TrackingNumber $number -CarrierCode china-post
        $before.TrackUpdate | Should -BeFalse
        Start-Sleep -Seconds 6   # about 14 simulated days: long enough to be delivered if it moved
        $after = Get-Tracking -TrackingNumber $number -CarrierCode china-post
        "$($after.Status)" | Should -Be "$($before.Status)"
        $after.Events.Count | Should -Be $before.Events.Count
    }
}
