# Get-Tracking -All at the rate limit: pacing, snapshot, de-duplication, retries, early stops and Ctrl+C.
# Assertions are on counts and on the order and spacing of requests in the emulator's log, never on speed.
# The client spaces request starts 1.025 s apart (xunit checks that on a simulated clock); what the emulator sees is
# that spacing plus scheduling jitter, which on a loaded 2-core runner can pass 25 ms. So the emulator here accepts
# arrivals up to ArrivalToleranceMs early, and the tests assert the spacing less that margin.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    # The list limit is on (1 request per second per key), as on the real service, with room for jitter.
    $script:ArrivalToleranceMs = 250
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '500', '--rate-tolerance-ms', $script:ArrivalToleranceMs
    Connect-TestEmulator $script:Emulator

    function Get-ListRequest { Get-EmulatorRequest $script:Emulator '*/trackings/get' }
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe 'Get-Tracking -All with the limit on' -Tag Paging {
    It 'spaces page requests about 1 s apart, gets no 429, and writes every item once while trackings are created' {
        Start-Sleep -Milliseconds 1100
        Clear-EmulatorRequest $script:Emulator
        $headers = @{ 'Trackingmore-Api-Key' = $script:Emulator.ApiKey }
        $newcomers = 1..50 | ForEach-Object { @{ tracking_number = (New-TestTrackingNumber -Prefix 'MR'); carrier_code = 'china-post' } }
        $seen = 0
        $listed = @(Get-Tracking -All -PageSize 100 | ForEach-Object {
                $seen++
                if ($seen -eq 150) {
                    # Mid-run, 50 trackings arrive (newest first in the list order): they must not shift the pages.
                    foreach ($batch in @($newcomers[0..39]), @($newcomers[40..49])) {
                        $null = Invoke-RestMethod -Method Post -Uri "$($script:Emulator.BaseUri)/trackings/batch" -Headers $headers `
                            -ContentType 'application/json' -Body (ConvertTo-Json -InputObject $batch) -NoProxy
                    }
                }
                $_
            })

        $listed.Count | Should -Be 500
        @($listed.Id | Sort-Object -Unique).Count | Should -Be 500
        $listed.TrackingNumber | Should -Not -Contain $newcomers[0].tracking_number
        $requests = Get-ListRequest
        $requests.Count | Should -Be 5
        @($requests | Where-Object { $_.metaCode -eq 429 -or $_.httpStatus -eq 429 }).Count | Should -Be 0
        for ($i = 1; $i -lt $requests.Count; $i++) {
            ($requests[$i].startedMs - $requests[$i - 1].startedMs) | Should -BeGreaterOrEqual (1000 - $script:ArrivalToleranceMs)
        }
        # The snapshot: every page after the first asked for trackings created by the service's time of the first answer.
        $requests[0].query | Should -Not -Match 'created_at_max'
        @($requests.query | Where-Object { $_ -match 'created_at_max=\d+' }).Count | Should -Be 4
        @($requests.query | ForEach-Object { [regex]::Match($_, 'created_at_max=(\d+)').Groups[1].Value } | Where-Object { $_ } | Sort-Object -Unique).Count | Should -Be 1
        ($requests.query -match 'limit=100').Count | Should -Be 5
    }

    It 'keeps parallel runspaces of one account inside the limit together' {
        Start-Sleep -Milliseconds 1100
        Clear-EmulatorRequest $script:Emulator
        $env:TRACKINGMORE_API_KEY = $script:Emulator.ApiKey
        $env:TRACKINGMORE_BASE_URI = $script:Emulator.BaseUri
        try {
            $module = $env:TRACKINGMORE_TEST_MODULE
            $counts = 1..3 | ForEach-Object -ThrottleLimit 3 -Parallel {
                Import-Module $using:module
                (Get-Tracking -All -PageSize 250 -CreatedBefore (Get-Date).AddYears(1) | Measure-Object).Count
            }
        } finally {
            Remove-Item Env:TRACKINGMORE_API_KEY, Env:TRACKINGMORE_BASE_URI
        }
        $counts | Should -Be @(550, 550, 550)
        $requests = Get-ListRequest | Sort-Object startedMs
        $requests.Count | Should -Be 9
        @($requests | Where-Object { $_.metaCode -eq 429 -or $_.httpStatus -eq 429 }).Count | Should -Be 0
        for ($i = 1; $i -lt $requests.Count; $i++) {
            ($requests[$i].startedMs - $requests[$i - 1].startedMs) | Should -BeGreaterOrEqual (1000 - $script:ArrivalToleranceMs)
        }
    }
}

Describe 'Stopping early' -Tag Paging {
    BeforeEach {
        Start-Sleep -Milliseconds 1100
        Clear-EmulatorRequest $script:Emulator
    }

    It 'makes one request when Select-Object -First 10 stops the pipeline' {
        @(Get-Tracking -All -PageSize 100 | Select-Object -First 10).Count | Should -Be 10
        Start-Sleep -Milliseconds 1500
        (Get-ListRequest).Count | Should -Be 1
    }

    It 'asks for just enough with -First and -Skip' {
        $window = @(Get-Tracking -Skip 5 -First 10)
        $window.Count | Should -Be 10
        $requests = Get-ListRequest
        $requests.Count | Should -Be 1
        $requests[0].query | Should -Match 'limit=15'
    }

    It 'pages on for -First beyond one page and stops there' {
        @(Get-Tracking -First 150 -PageSize 100).Count | Should -Be 150
        (Get-ListRequest).Count | Should -Be 2
    }

    It 'reports the total with -IncludeTotalCount' {
        $output = @(Get-Tracking -First 1 -IncludeTotalCount)
        $output[0].ToString() | Should -Match '550'
    }
}

Describe 'Retries while paging' -Tag Paging {
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'retries a page answered with 429, losing and doubling nothing, and says so in -Verbose' {
        Start-Sleep -Milliseconds 1100
        Clear-EmulatorRequest $script:Emulator
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/get'; after = 1; count = 1; action = 'meta429'; retryAfter = 1 }
        $verbose = Get-Tracking -All -PageSize 200 -CreatedBefore (Get-Date).AddYears(1) -Verbose 4>&1
        $listed = @($verbose | Where-Object { $_ -is [TrackingMore.Models.Tracking] })
        $messages = @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $listed.Count | Should -Be 550
        @($listed.Id | Sort-Object -Unique).Count | Should -Be 550
        ($messages -match 'Retry 1 of 3').Count | Should -Be 1
        $requests = Get-ListRequest
        $requests.Count | Should -Be 4
        $requests[1].metaCode | Should -Be 429
        $requests[2].query | Should -Be $requests[1].query
    }

    It 'does not retry an invalid key' {
        Start-Sleep -Milliseconds 1100
        Clear-EmulatorRequest $script:Emulator
        Connect-TestEmulator $script:Emulator -ApiKey 'not-the-key'
        try {
            { Get-Tracking -All } | Should -Throw -ErrorId 'TrackingMore.Unauthorized,TrackingMore.Commands.GetTrackingCommand'
        } finally {
            Connect-TestEmulator $script:Emulator
        }
        (Get-ListRequest).Count | Should -Be 1
    }

    It 'ends -All with an error naming the page and what was written when retries run out' {
        Start-Sleep -Milliseconds 1100
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/get'; after = 1; action = 'http503' }
        Connect-TestEmulator $script:Emulator -Extra @{ MaximumRetryCount = 1 }
        try {
            $written = [System.Collections.Generic.List[object]]::new()
            $failure = $null
            try { Get-Tracking -All -PageSize 100 | ForEach-Object { $written.Add($_) } } catch { $failure = $_ }
        } finally {
            Connect-TestEmulator $script:Emulator
        }
        $written.Count | Should -Be 100
        $failure.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.ServerError,*'
        $failure.ErrorDetails.Message | Should -Match 'page 2'
        $failure.ErrorDetails.Message | Should -Match '100 trackings had already been written'
    }

    It 'stops at once when the pipeline is stopped during a long back-off' {
        Start-Sleep -Milliseconds 1100
        Clear-EmulatorRequest $script:Emulator
        # The longest wait the client takes from Retry-After (120 s): a stop that waited it out would take that long.
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/get'; count = 1; action = 'meta429'; retryAfter = 120 }
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($Module, $Key, $BaseUri)
                    Import-Module $Module
                    Connect-TrackingMore -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $BaseUri -SkipCheck
                    Get-Tracking -All
                }).AddParameters(@{ Module = $env:TRACKINGMORE_TEST_MODULE; Key = $script:Emulator.ApiKey; BaseUri = $script:Emulator.BaseUri })
            $running = $shell.BeginInvoke()
            $deadline = (Get-Date).AddSeconds(20)
            while ((Get-ListRequest).Count -eq 0 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Milliseconds 300   # now inside the 120 s back-off
            # Only time tells a cancelled wait from one waited out: the stop must end within half the back-off, a
            # bound no scheduling delay comes near (docs/architecture.md names this test).
            $stopping = $shell.BeginStop($null, $null)
            $stopping.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(60)) | Should -BeTrue -Because 'Stop waited for the back-off'
            $shell.EndStop($stopping)
            $running.IsCompleted | Should -BeTrue
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            (Get-ListRequest).Count | Should -Be 1
        } finally {
            $shell.Dispose()
        }
    }
}

Describe 'A service clock that differs from the client''s' -ForEach @(
    @{ Name = 'an hour ahead'; Offset = 3600 }
    @{ Name = 'an hour behind'; Offset = -3600 }
) {
    BeforeAll {
        # The emulator's simulated clock starts $Offset seconds from this machine's; its Date header tells that time.
        $script:Skewed = Start-TestEmulator -ArgumentList '--seed', '20', '--clock-offset', "$Offset"
        Connect-TestEmulator $script:Skewed
        # Created now by the service's clock, so an hour after or before the client's now.
        $script:Newest = @(New-Shipment 5 'SK' | New-Tracking)
        $script:Total = (Get-TrackingStatusCount).Total
    }

    AfterAll {
        Connect-TestEmulator $script:Emulator
        Stop-TrackingMoreEmulator $script:Skewed
    }

    It 'lists every tracking with -All when the service''s clock is <Name>' {
        $script:Total | Should -Be 25
        $listed = @(Get-Tracking -All -PageSize 10)
        $listed.Count | Should -Be $script:Total
        $listed.TrackingNumber | Should -Contain $script:Newest[0].TrackingNumber
        @($listed.Id | Sort-Object -Unique).Count | Should -Be $script:Total
    }

    It 'includes the newest trackings in -First and -Skip when the service''s clock is <Name>' {
        # The list is newest first: the five just created are the first five, and -Skip 5 starts after them.
        @(Get-Tracking -First 5).TrackingNumber | Sort-Object | Should -Be @($script:Newest.TrackingNumber | Sort-Object)
        @(Get-Tracking -Skip 5 -First 30 -PageSize 10).Count | Should -Be ($script:Total - 5)
    }

    It 'pins the pages after the first to the service''s time of the first answer, not the client''s, when it is <Name>' {
        Start-Sleep -Milliseconds 1100
        Clear-EmulatorRequest $script:Skewed
        $null = Get-Tracking -All -PageSize 10
        $requests = @(Get-EmulatorRequest $script:Skewed '*/trackings/get')
        $requests.Count | Should -Be 3
        $requests[0].query | Should -Not -Match 'created_at_max'
        $pins = @($requests[1..2].query | ForEach-Object { [long][regex]::Match($_, 'created_at_max=(\d+)').Groups[1].Value })
        $pins[0] | Should -Be $pins[1]
        $clientNow = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        # Within a minute of the service's now, which is an hour away from the client's.
        [Math]::Abs($pins[0] - ($clientNow + $Offset)) | Should -BeLessThan 60
    }

    It 'keeps an explicit -CreatedBefore on every page when the service''s clock is <Name>' {
        Start-Sleep -Milliseconds 1100
        Clear-EmulatorRequest $script:Skewed
        $before = [DateTimeOffset]::UtcNow.AddSeconds($Offset).AddDays(-1)
        $listed = @(Get-Tracking -All -PageSize 10 -CreatedBefore $before.UtcDateTime)
        $listed.TrackingNumber | Should -Not -Contain $script:Newest[0].TrackingNumber
        $requests = @(Get-EmulatorRequest $script:Skewed '*/trackings/get')
        @($requests.query | Where-Object { $_ -match "created_at_max=$($before.ToUnixTimeSeconds())" }).Count | Should -Be $requests.Count
    }
}
