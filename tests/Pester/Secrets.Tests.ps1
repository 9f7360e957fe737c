# The API key never shows: every cmdlet runs with -Verbose -Debug inside a transcript, each is made to fail, and the
# key is searched for in the transcript, the error records, exception texts, ToString() and the connection.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    $script:Key = 'SECRET-7f3a9c1e5b2d4e6f8a0b'
    $script:Emulator = Start-TestEmulator -ApiKey $script:Key -ArgumentList '--seed', '30', '--list-interval-ms', '0'
    $script:Unpaced = @{ ListRequestsPerSecond = 0 }

    # Every exported cmdlet: a call that works and a call that fails (with the wrong key, or bad input).
    $script:Calls = [ordered]@{
        'Connect-TrackingMore'       = @{
            Works = { Connect-TestEmulator $script:Emulator -ApiKey $script:Key -Extra $script:Unpaced }
            Fails = { Connect-TrackingMore -ApiKey (ConvertTo-SecureString $script:Key -AsPlainText -Force) -BaseUri 'http://api.example.test/v2?key=1' }
        }
        'Get-TrackingMoreConnection' = @{ Works = { Get-TrackingMoreConnection | Format-List | Out-Host }; Fails = { Get-TrackingMoreConnection -NoSuchParameter } }
        'Get-Tracking'               = @{ Works = { Get-Tracking -First 3 | Out-Host }; Fails = { Get-Tracking -First 3 } }
        'New-Tracking'               = @{ Works = { New-Tracking -TrackingNumber (New-TestTrackingNumber -Prefix 'SK') -CarrierCode china-post | Out-Host }; Fails = { New-Tracking -TrackingNumber (New-TestTrackingNumber -Prefix 'SF') -CarrierCode china-post } }
        'Remove-Tracking'            = @{ Works = { Get-Tracking -First 1 | Remove-Tracking -Confirm:$false }; Fails = { Remove-Tracking -TrackingNumber 'NOSUCH1' -CarrierCode dhl -Confirm:$false } }
        'Set-Tracking'               = @{ Works = { Get-Tracking -First 2 | Set-Tracking -Title 'Secret check' -Confirm:$false | Out-Host }; Fails = { Set-Tracking -TrackingNumber 'NOSUCH2' -CarrierCode dhl -Title 'x' -Confirm:$false } }
        'Update-TrackingCarrier'     = @{ Works = { New-Tracking -TrackingNumber (New-TestTrackingNumber -Prefix 'SU') -CarrierCode china-post | Update-TrackingCarrier -NewCarrierCode china-ems -Confirm:$false | Out-Host }; Fails = { Update-TrackingCarrier -TrackingNumber 'NOSUCH3' -CarrierCode dhl -NewCarrierCode ups -Confirm:$false } }
        'Stop-TrackingUpdate'        = @{ Works = { Get-Tracking -First 2 | Stop-TrackingUpdate -Confirm:$false | Out-Host }; Fails = { Stop-TrackingUpdate -TrackingNumber 'NOSUCH4' -CarrierCode dhl -Confirm:$false } }
        'Invoke-RealtimeTracking'    = @{ Works = { Invoke-RealtimeTracking -TrackingNumber (New-TestTrackingNumber -Prefix 'SR') -CarrierCode china-post | Out-Host }; Fails = { Invoke-RealtimeTracking -TrackingNumber (New-TestTrackingNumber -Prefix 'SR') -CarrierCode nosuchcarrier } }
        'Get-TrackingStatusCount'    = @{ Works = { Get-TrackingStatusCount | Out-Host }; Fails = { Get-TrackingStatusCount -CreatedAfter '1960-01-01' } }
        # Fails with the wrong key; it has no input to get wrong.
        'Get-TrackingAccount'        = @{ Works = { Get-TrackingAccount | Out-Host }; Fails = { Get-TrackingAccount } }
        'Test-TrackingRemoteArea'    = @{ Works = { Test-TrackingRemoteArea -Country JP -PostalCode '762-1094' | Out-Host }; Fails = { Test-TrackingRemoteArea -Country Atlantis -PostalCode 1 } }
        'Get-TrackingTransitTime'    = @{ Works = { Get-TrackingTransitTime -CarrierCode dhl -Origin CN -Destination US | Out-Host }; Fails = { Get-TrackingTransitTime -CarrierCode nosuchcarrier -Origin CN -Destination US } }
        'Get-TrackingAirWaybill'     = @{ Works = { Get-TrackingAirWaybill '172-28891936' | Out-Host }; Fails = { Get-TrackingAirWaybill '12-345' } }
        'Get-TrackingCarrier'        = @{ Works = { Get-TrackingCarrier dhl | Out-Host }; Fails = { Get-TrackingCarrier 'no-such-carrier' } }
        'Find-TrackingCarrier'       = @{ Works = { Find-TrackingCarrier (New-TestTrackingNumber -Prefix 'RR') | Out-Host }; Fails = { Find-TrackingCarrier 'QQ' } }
        'ConvertFrom-TrackingWebhook' = @{
            Works = { '{"data":{"tracking_number":"RR1","carrier_code":"dhl"}}' | ConvertFrom-TrackingWebhook -SkipSignatureCheck | Out-Host }
            Fails = { '{"data":{"tracking_number":"RR1","carrier_code":"dhl"},"verifyInfo":{"timeStr":"1","signature":"00"}}' | ConvertFrom-TrackingWebhook -AccountEmail (ConvertTo-SecureString 'demo@example.com' -AsPlainText -Force) }
        }
        'ConvertTo-TrackingCsvSafe'  = @{ Works = { Get-Tracking -First 2 | ConvertTo-TrackingCsvSafe | Out-Host }; Fails = { ConvertTo-TrackingCsvSafe -NoSuchParameter } }
        'Disconnect-TrackingMore'    = @{ Works = { Disconnect-TrackingMore }; Fails = { Disconnect-TrackingMore -NoSuchParameter } }
    }
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe 'The API key never appears' {
    It 'covers every exported cmdlet' {
        (Get-Command -Module TrackingMore).Name | Sort-Object | Should -Be ($script:Calls.Keys | Sort-Object)
    }

    It 'is absent from the transcript, errors, exceptions and the connection of a run of every cmdlet' {
        $transcript = Join-Path $TestDrive 'transcript.txt'
        $Error.Clear()
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        $ErrorActionPreference = 'Continue'
        $collected = [System.Collections.Generic.List[string]]::new()
        Start-Transcript -Path $transcript | Out-Null
        try {
            foreach ($name in $script:Calls.Keys) {
                Write-Host "== $name"
                Connect-TestEmulator $script:Emulator -ApiKey $script:Key -Extra $script:Unpaced
                & $script:Calls[$name].Works
                $connection = Get-TrackingMoreConnection
                if ($connection) {
                    $collected.Add($connection.ToString())
                    $collected.Add(($connection | Format-List * | Out-String))
                    $collected.Add(($connection | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue))
                }
                # Fail twice: connected with a wrong key, and connected with the real one.
                Connect-TestEmulator $script:Emulator -ApiKey 'wrong-key-for-this-test' -Extra $script:Unpaced
                try { & $script:Calls[$name].Fails } catch { $collected.Add(($_ | Out-String)) }
                Connect-TestEmulator $script:Emulator -ApiKey $script:Key -Extra $script:Unpaced
                try { & $script:Calls[$name].Fails } catch { $collected.Add(($_ | Out-String)) }
            }
        } finally {
            Stop-Transcript | Out-Null
            $VerbosePreference = 'SilentlyContinue'
            $DebugPreference = 'SilentlyContinue'
        }
        $Error.Count | Should -BeGreaterThan 5 -Because 'every cmdlet was made to fail'
        foreach ($record in $Error) {
            $collected.Add($record.ToString())
            $collected.Add(($record | Format-List * -Force | Out-String))
            if ($record.Exception) { $collected.Add($record.Exception.ToString()) }
            if ($record.ErrorDetails) { $collected.Add($record.ErrorDetails.ToString()) }
            if ($null -ne $record.TargetObject) { $collected.Add("$($record.TargetObject)") }
            if ($record.Exception.PSObject.Properties['BodyPreview']) { $collected.Add("$($record.Exception.BodyPreview)") }
        }
        $collected.Add((Get-Content $transcript -Raw))

        (Get-Content $transcript -Raw) | Should -Match '== Remove-Tracking' -Because 'the transcript recorded the run'
        (Get-Content $transcript -Raw) | Should -Match 'VERBOSE: GET /trackings/get' -Because 'verbose output was on'
        $found = @($collected | Where-Object { $_ -and $_.Contains($script:Key) })
        $found.Count | Should -Be 0 -Because ($found | Select-Object -First 1)
    }
}
