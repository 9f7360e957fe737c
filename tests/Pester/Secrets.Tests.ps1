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
