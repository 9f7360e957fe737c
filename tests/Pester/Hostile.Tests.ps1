# Hostile networks and hostile input: one Describe per finding of the adversarial reviews (issue 10, then issue 17 from
# Describe 9 on), each against the emulator's hostile fault modes on loopback. The key must reach no other place, no read or loop may be unbounded,
# and nothing may be forged.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    $script:Key = 'HOSTILE-5e1b7c9d3f2a4b6c8d0e'
    $script:Emulator = Start-TestEmulator -ApiKey $script:Key -ArgumentList '--seed', '600', '--second-listener', '--list-interval-ms', '0'
    $script:Second = (Get-EmulatorInfo $script:Emulator).secondBaseUri
    $script:Unpaced = @{ ListRequestsPerSecond = 0 }
    Connect-TestEmulator $script:Emulator -Extra $script:Unpaced

    # Every text an error record or a verbose stream can show, for a search for the key.
    function Get-ShownText($Run) {
        foreach ($record in $Run.Errors) {
            $record.ToString()
            $record.Exception.Message
            $record.ErrorDetails.Message
            $record.ErrorDetails.RecommendedAction
            $record.Exception.BodyPreview
            $record.Exception.ApiMessage
            $record | Format-List * -Force | Out-String
            $record.Exception | Format-List * -Force | Out-String
        }
        $Run.Verbose
    }

    function New-SignedWebhook([string] $TimeStr, [string] $Number = 'RR050349575PH', [string] $Carrier = 'phlpost') {
        $hmac = [System.Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes('hooks@example.com'))
        $signature = [Convert]::ToHexString($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($TimeStr))).ToLowerInvariant()
        '{"meta":{"code":200},"data":{"tracking_number":"' + $Number + '","carrier_code":"' + $Carrier + '","status":"transit"},' +
        '"verifyInfo":{"timeStr":"' + $TimeStr + '","signature":"' + $signature + '"}}'
    }
    $script:Email = ConvertTo-SecureString 'hooks@example.com' -AsPlainText -Force
    function Get-UnixNow { [DateTimeOffset]::UtcNow.ToUnixTimeSeconds().ToString() }

    # Runs a script block in a new pwsh (its own memory, its own environment) with the module imported, and returns
    # what its one 'RESULT ' line holds, parsed.
    function Invoke-InChild([scriptblock] $Child, [object[]] $ArgumentList = @()) {
        $pwsh = Get-PwshCommandLine
        $arguments = ($ArgumentList | ForEach-Object { "'" + "$_".Replace("'", "''") + "'" }) -join ' '
        $command = "Import-Module '$env:TRACKINGMORE_TEST_MODULE'; & { $Child } $arguments"
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($command))
        $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
        $line = @($output | Where-Object { "$_" -like 'RESULT *' })
        $line.Count | Should -Be 1 -Because ($output -join "`n")
        $line[0].Substring(7) | ConvertFrom-Json
    }
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe '1. Redirects are never followed' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'refuses a <Status> on <Cmdlet> with TrackingMore.Redirected, and the target never sees the key' -ForEach @(
        @{ Status = 301; Cmdlet = 'Get-Tracking' }
        @{ Status = 302; Cmdlet = 'New-Tracking' }
        @{ Status = 307; Cmdlet = 'New-Tracking' }
        @{ Status = 308; Cmdlet = 'Remove-Tracking' }
    ) {
        Add-EmulatorFault $script:Emulator @{ action = 'redirect'; status = $Status }
        $run = Invoke-Observed {
            switch ($Cmdlet) {
                'Get-Tracking' { Get-Tracking -PageSize 5 }
                'New-Tracking' { New-Tracking -TrackingNumber (New-TestTrackingNumber -Prefix 'RD') -CarrierCode china-post }
                'Remove-Tracking' { Remove-Tracking -TrackingNumber 'RR050349575PH' -CarrierCode phlpost -Confirm:$false }
            }
        }
        $run.Objects.Count | Should -Be 0
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.Redirected,*'
        $run.Errors[0].Exception.Message | Should -Match "HTTP $Status"
        $run.Errors[0].Exception.Message | Should -Match ([regex]::Escape(([uri]$script:Second).Authority))
        (Get-ShownText $run) -join "`n" | Should -Not -Match ([regex]::Escape($script:Key))
        # The target's own log: nothing arrived there at all, so no key header either.
        $atTarget = @(Get-EmulatorRequest $script:Emulator | Where-Object listener -eq 'second')
        $atTarget.Count | Should -Be 0
        @(Get-EmulatorRequest $script:Emulator | Where-Object listener -eq 'primary').Count | Should -Be 1
    }
}

Describe '2. Echoed secrets are redacted' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }
    AfterEach {
        Clear-EmulatorFault $script:Emulator
        Connect-TestEmulator $script:Emulator -Extra $script:Unpaced
    }

    It 'keeps the key out of message, preview, ErrorDetails, Verbose and the transcript when <Action> echoes it' -ForEach @(
        @{ Action = 'echo-headers'; ErrorId = 'TrackingMore.ServerError'; Echoed = 'Request as received' }
        @{ Action = 'echo-key'; ErrorId = 'TrackingMore.InvalidArgument'; Echoed = 'for key \*\*\*\*8d0e\. Trackingmore-Api-Key: \*\*\*\*8d0e' }
    ) {
        # One retry, so the echoed text also goes through the retry's Verbose line (502 is retried, 4012 is not).
        Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0; MaximumRetryCount = 1 }
        Add-EmulatorFault $script:Emulator @{ action = $Action }
        $transcript = Join-Path $TestDrive "$Action.txt"
        Start-Transcript -Path $transcript | Out-Null
        try {
            $run = Invoke-Observed { Get-Tracking -PageSize 5 -Verbose }
            $run.Errors | Format-List * -Force | Out-Host
            $run.Verbose | Out-Host
        } finally { Stop-Transcript | Out-Null }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        # The echo really reached the client: the masked form stands where the key was.
        (Get-ShownText $run) -join "`n" | Should -Match $Echoed
        (Get-ShownText $run) -join "`n" | Should -Not -Match ([regex]::Escape($script:Key))
        Get-Content $transcript -Raw | Should -Not -Match ([regex]::Escape($script:Key))
        Get-Content $transcript -Raw | Should -Not -Match ([regex]::Escape($script:Key.Substring(0, 12)))
    }

    # Per-item texts are server bytes too: a bulk answer's errors[].message and a remote-area refusal.
    It 'keeps the key and control characters out of the per-item errors of <Name>' -ForEach @(
        @{ Name = 'New-Tracking'; Path = '/trackings/batch'; ErrorId = 'TrackingMore.UnknownCarrier'; Send = { New-Shipment 2 -Prefix 'EK' | New-Tracking } }
        @{ Name = 'Remove-Tracking'; Path = '/trackings/delete'; ErrorId = 'TrackingMore.UnknownCarrier'; Send = { New-Shipment 2 -Prefix 'EK' | Remove-Tracking -Confirm:$false } }
        @{ Name = 'Test-TrackingRemoteArea'; Path = '/trackings/remote'; ErrorId = 'TrackingMore.ItemRefused'; Send = { Test-TrackingRemoteArea -Country JP -PostalCode '100-0001', '100-0002' } }
    ) {
        Add-EmulatorFault $script:Emulator @{ path = $Path; action = 'echo-key-items' }
        $run = Invoke-Observed $Send
        $run.Errors.Count | Should -Be 2
        $run.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*" }
        $shown = (Get-ShownText $run) -join "`n"
        # The echo really reached the client: the masked form stands where the key was.
        $shown | Should -Match 'for key \*\*\*\*8d0e'
        $shown | Should -Not -Match ([regex]::Escape($script:Key))
        $texts = @($run.Errors | ForEach-Object { $_.ToString(); $_.Exception.Message; $_.ErrorDetails.Message; $_.Exception.ApiMessage }) + $run.Verbose
        ($texts -join ' ') | Should -Not -Match '[\x00-\x1f\x7f]'
    }
}

Describe '3. Answers are bounded in size' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }
    AfterEach {
        Clear-EmulatorFault $script:Emulator
        Connect-TestEmulator $script:Emulator -Extra $script:Unpaced
    }

    It 'ends a gzip bomb (2.4 GB inflated) in TrackingMore.ResponseTooLarge, with the working set under 200 MB above its start' {
        Add-EmulatorFault $script:Emulator @{ action = 'gzip-bomb'; sizeMb = 2400; path = '/trackings/get'; method = 'GET' }
        # A process of its own, so its peak working set is this call's alone.
        $pwsh = Get-PwshCommandLine
        $child = {
            param($Module, $BaseUri, $Key)
            Import-Module $Module
            Connect-TrackingMore -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $BaseUri -ListRequestsPerSecond 0 -MaximumRetryCount 0 -SkipCheck
            Get-TrackingCarrier | Out-Null   # everything loaded and compiled before the start figure (GET /carriers meets no fault)
            [GC]::Collect()
            $self = [Diagnostics.Process]::GetCurrentProcess()
            $start = $self.WorkingSet64
            $id = try { Get-Tracking -PageSize 5; 'no error' } catch { $_.FullyQualifiedErrorId }
            $self.Refresh()
            'RESULT ' + ([pscustomobject]@{ ErrorId = $id; PeakAboveStartMB = ($self.PeakWorkingSet64 - $start) / 1MB; Message = "$($Error[0])"; Advice = $Error[0].ErrorDetails.RecommendedAction } | ConvertTo-Json -Compress)
        }
        $command = "& { $child } '$env:TRACKINGMORE_TEST_MODULE' '$($script:Emulator.BaseUri)' '$($script:Key)'"
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($command))
        $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
        $line = @($output | Where-Object { "$_" -like 'RESULT *' })
        $line.Count | Should -Be 1 -Because ($output -join "`n")
        $result = $line[0].Substring(7) | ConvertFrom-Json
        $result.ErrorId | Should -BeLike 'TrackingMore.ResponseTooLarge,*'
        $result.Message | Should -Match "the connection's limit, 64 MB"
        $result.Advice | Should -Match 'Connect-TrackingMore -MaximumResponseSizeMB'
        $result.PeakAboveStartMB | Should -BeLessThan 200
        # The fault mode was really applied to the listing, and to nothing else.
        @(Get-EmulatorRequest $script:Emulator | Where-Object fault -eq 'gzip-bomb').path | Should -Be @('/v2/trackings/get')
    }

    It 'ends an endless body in TrackingMore.ResponseTooLarge at the connection''s limit' {
        Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0; MaximumResponseSizeMB = 4 }
        Add-EmulatorFault $script:Emulator @{ action = 'endless'; count = 1 }
        $run = Invoke-Observed { Get-Tracking -PageSize 5 }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.ResponseTooLarge,*'
        $run.Errors[0].Exception.Message | Should -Match 'more than the limit of 4194304 bytes'
    }

    It 'refuses a Content-Length of 2 GB before reading, and shows the limit on the connection' {
        Add-EmulatorFault $script:Emulator @{ action = 'huge-content-length'; count = 1 }
        $run = Invoke-Observed { Get-Tracking -PageSize 5 }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.ResponseTooLarge,*'
        $run.Errors[0].Exception.Message | Should -Match 'declared a body of 2000000000 bytes'
        (Get-TrackingMoreConnection).MaximumResponseSizeMB | Should -Be 64
    }

    It 'applies a limit set on Connect-TrackingMore to an ordinary page' {
        Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0; MaximumResponseSizeMB = 1 }
        $run = Invoke-Observed { Get-Tracking -PageSize 600 }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.ResponseTooLarge,*'
        @(Get-Tracking -PageSize 2).Count | Should -Be 2
    }
}

Describe '4. Webhooks cannot be replayed or kept for ever' {
    It 'passes a fresh, correctly signed call once and refuses it the second time' {
        $body = New-SignedWebhook (Get-UnixNow) 'RR990000001CN' 'china-post'
        ($body | ConvertFrom-TrackingWebhook -AccountEmail $script:Email).TrackingNumber | Should -Be 'RR990000001CN'
        $replay = Invoke-Observed { $body | ConvertFrom-TrackingWebhook -AccountEmail $script:Email }
        $replay.Objects.Count | Should -Be 0
        $replay.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.WebhookReplayed,*'
    }

    It 'refuses a replay whose body was re-spaced' {
        $body = New-SignedWebhook (Get-UnixNow) 'RR990000002CN' 'china-post'
        $null = $body | ConvertFrom-TrackingWebhook -AccountEmail $script:Email
        $respaced = $body -replace ',', ', '
        (Invoke-Observed { $respaced | ConvertFrom-TrackingWebhook -AccountEmail $script:Email }).Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.WebhookReplayed,*'
    }

    It 'refuses <Case> with <ErrorId>' -ForEach @(
        @{ Case = 'a call signed 6 minutes ago'; TimeStr = { ([DateTimeOffset]::UtcNow.AddMinutes(-6)).ToUnixTimeSeconds().ToString() }; ErrorId = 'TrackingMore.WebhookStale' }
        @{ Case = 'a call signed in 2019'; TimeStr = { '1559347200' }; ErrorId = 'TrackingMore.WebhookStale' }
        @{ Case = 'a call signed an hour from now'; TimeStr = { ([DateTimeOffset]::UtcNow.AddHours(1)).ToUnixTimeSeconds().ToString() }; ErrorId = 'TrackingMore.WebhookStale' }
        @{ Case = 'a timeStr that is no time'; TimeStr = { 'x' }; ErrorId = 'TrackingMore.WebhookTimeInvalid' }
    ) {
        $run = Invoke-Observed { New-SignedWebhook (& $TimeStr) | ConvertFrom-TrackingWebhook -AccountEmail $script:Email }
        $run.Objects.Count | Should -Be 0
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $run.Errors[0].CategoryInfo.Category | Should -Be 'SecurityError'
    }

    It 'honours -MaximumAge' {
        $tenMinutesAgo = ([DateTimeOffset]::UtcNow.AddMinutes(-10)).ToUnixTimeSeconds().ToString()
        (New-SignedWebhook $tenMinutesAgo 'RR990000003CN' 'china-post' | ConvertFrom-TrackingWebhook -AccountEmail $script:Email -MaximumAge (New-TimeSpan -Minutes 15)).TrackingNumber |
            Should -Be 'RR990000003CN'
        { '{}' | ConvertFrom-TrackingWebhook -AccountEmail $script:Email -MaximumAge 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It '-Refresh writes the tracking as the API has it, not as the body tells it' {
        $created = New-Tracking -TrackingNumber (New-TestTrackingNumber -Prefix 'WR') -CarrierCode china-post -Title 'From the API'
        $body = (New-SignedWebhook (Get-UnixNow) $created.TrackingNumber 'china-post') -replace '"status":"transit"', '"status":"delivered","title":"Forged"'
        $refreshed = $body | ConvertFrom-TrackingWebhook -AccountEmail $script:Email -Refresh
        $refreshed.Title | Should -Be 'From the API'
        $refreshed.Status | Should -Not -Be 'Delivered'
    }
}

Describe '5. Dot segments cannot change the endpoint' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }

    It 'refuses <Case> before sending anything' -ForEach @(
        @{ Case = "Get-Tracking '..' ups"; Command = { Get-Tracking '..' ups }; Parameter = 'TrackingNumber' }
        @{ Case = "Get-Tracking RR1 ups -Language getuserinfo"; Command = { Get-Tracking RR050349575PH ups -Language getuserinfo }; Parameter = 'Language' }
        @{ Case = "Get-Tracking RR1 ups -Language '..'"; Command = { Get-Tracking RR050349575PH ups -Language '..' }; Parameter = 'Language' }
        @{ Case = "Remove-Tracking '..' ups"; Command = { Remove-Tracking '..' ups -Confirm:$false }; Parameter = 'TrackingNumber' }
        @{ Case = "Set-Tracking '.' dhl"; Command = { Set-Tracking '.' dhl -Title x -Confirm:$false }; Parameter = 'TrackingNumber' }
        @{ Case = "Get-Tracking RR1 '..'"; Command = { Get-Tracking RR050349575PH '..' }; Parameter = 'CarrierCode' }
    ) {
        $failure = $null
        try { & $Command } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $failure.Exception.Message | Should -Match $Parameter
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }
}

Describe '6. Paging ends on a server that repeats itself' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'stops with TrackingMore.PagingInconsistent when every page repeats page 1' {
        Add-EmulatorFault $script:Emulator @{ action = 'repeat-page' }
        $run = Invoke-Observed { Get-Tracking -All -PageSize 50 }
        $run.Objects.Count | Should -Be 50
        @($run.Objects.Id | Sort-Object -Unique).Count | Should -Be 50
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.PagingInconsistent,*'
        $run.Errors[0].Exception.Message | Should -Match 'page 2 .* adds none'
        (Get-EmulatorRequest $script:Emulator '*/trackings/get').Count | Should -Be 2
    }

    It 'stops with TrackingMore.PagingInconsistent when a page holds more items than the limit' {
        Add-EmulatorFault $script:Emulator @{ action = 'overlong-page'; extra = 7; after = 1 }
        $run = Invoke-Observed { Get-Tracking -All -PageSize 50 }
        $run.Objects.Count | Should -Be 50
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.PagingInconsistent,*'
        $run.Errors[0].Exception.Message | Should -Match 'page 2 .* holds 57 trackings, more than the 50'
    }

    It 'writes no tracking twice when every page repeats the first item and the previous page''s last' {
        $first = @(Get-Tracking -PageSize 1)[0]
        Add-EmulatorFault $script:Emulator @{ action = 'duplicate-ids' }
        $listed = @(Get-Tracking -All -PageSize 40)
        @($listed.Id | Sort-Object -Unique).Count | Should -Be $listed.Count
        @($listed | Where-Object Id -eq $first.Id).Count | Should -Be 1
        (Get-EmulatorRequest $script:Emulator '*/trackings/get' | Where-Object fault -eq 'duplicate-ids').Count | Should -BeGreaterThan 4
    }
}

Describe '7. A lost answer is not reported as a failure' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }
    AfterEach {
        Clear-EmulatorFault $script:Emulator
        Connect-TestEmulator $script:Emulator -Extra $script:Unpaced
    }

    It 'New-Tracking looks a batch up when its first answer was lost and the resend failed, and reports what was created' {
        Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0; MaximumRetryCount = 1 }
        $shipments = @(New-Shipment 80 'LA')
        # Each of the two batches is done but its answer lost, and its resend then fails (rules apply in order).
        foreach ($action in 'after-process-drop', 'http503', 'after-process-drop', 'http503') {
            Add-EmulatorFault $script:Emulator @{ path = '/trackings/batch'; count = 1; action = $action }
        }
        $run = Invoke-Observed { $shipments | New-Tracking }
        $run.Errors.Count | Should -Be 0
        $run.Objects.Count | Should -Be 80
        ($run.Objects.TrackingNumber | Sort-Object) | Should -Be ($shipments.TrackingNumber | Sort-Object)
        (Get-EmulatorRequest $script:Emulator '*/trackings/get').Count | Should -Be 2   # 40 numbers a lookup
    }

    It 'New-Tracking of one item does the same through POST /trackings/post' {
        Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0; MaximumRetryCount = 1 }
        $number = New-TestTrackingNumber -Prefix 'LO'
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/post'; count = 1; action = 'after-process-drop' }
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/post'; action = 'http503' }
        $run = Invoke-Observed { New-Tracking -TrackingNumber $number -CarrierCode china-post }
        $run.Errors.Count | Should -Be 0
        $run.Objects.TrackingNumber | Should -Be $number
    }

    It 'reports TrackingMore.OutcomeUnknown when the lookup fails too' {
        Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0; MaximumRetryCount = 1 }
        $shipments = @(New-Shipment 3 'LU')
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/batch'; count = 1; action = 'after-process-drop' }
        Add-EmulatorFault $script:Emulator @{ action = 'http503' }
        $run = Invoke-Observed { $shipments | New-Tracking }
        $run.Objects.Count | Should -Be 0
        $run.Errors.Count | Should -Be 3
        $run.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.OutcomeUnknown,*' }
        ($run.Errors.TargetObject.TrackingNumber | Sort-Object) | Should -Be ($shipments.TrackingNumber | Sort-Object)
    }

    It 'Set-Tracking reports TrackingMore.OutcomeUnknown, not a plain failure, after a lost answer' {
        $targets = @(Get-Tracking -PageSize 2)
        Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0; MaximumRetryCount = 1 }
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/updatemore'; count = 1; action = 'after-process-drop' }
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/updatemore'; action = 'http503' }
        $run = Invoke-Observed { $targets | Set-Tracking -Title 'Lost answer' -Confirm:$false }
        $run.Errors.Count | Should -Be 2
        $run.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.OutcomeUnknown,*' }
    }

    It 'Remove-Tracking reports a tracking gone after a lost answer as removed' {
        $targets = @(New-Shipment 2 'LR' | New-Tracking)
        Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0; MaximumRetryCount = 1 }
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/delete'; count = 1; action = 'after-process-drop' }
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/delete'; action = 'http503' }
        $run = Invoke-Observed { $targets | Remove-Tracking -PassThru -Confirm:$false }
        $run.Errors.Count | Should -Be 0
        ($run.Objects.TrackingNumber | Sort-Object) | Should -Be ($targets.TrackingNumber | Sort-Object)
    }
}

Describe '8. Lesser findings' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'keeps 8 parallel runspaces on a cold gate inside the list limit: no 429' {
        # The list limit on, with room for scheduling jitter at arrival (see Paging.Tests.ps1).
        $paced = Start-TestEmulator -ApiKey 'COLD-GATE-0123456789abcdef' -ArgumentList '--seed', '20', '--rate-tolerance-ms', '250'
        $env:TRACKINGMORE_API_KEY = $paced.ApiKey
        $env:TRACKINGMORE_BASE_URI = $paced.BaseUri
        try {
            $module = $env:TRACKINGMORE_TEST_MODULE
            $counts = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
                Import-Module $using:module
                @(Get-Tracking -PageSize 5).Count
            }
            $counts | Should -Be @(5, 5, 5, 5, 5, 5, 5, 5)
            $requests = @(Get-EmulatorRequest $paced | Where-Object { $_.path -like '*/trackings/get' } | Sort-Object startedMs)
            $requests.Count | Should -Be 8
            @($requests | Where-Object { $_.metaCode -eq 429 -or $_.httpStatus -eq 429 }).Count | Should -Be 0
        } finally {
            Remove-Item Env:TRACKINGMORE_API_KEY, Env:TRACKINGMORE_BASE_URI
            Stop-TrackingMoreEmulator $paced
        }
    }

    It 'does not retry a TLS failure, and names it TrackingMore.TlsFailure' {
        # The emulator speaks plain HTTP: a TLS handshake with it fails.
        $https = $script:Emulator.BaseUri -replace '^http:', 'https:'
        Connect-TrackingMore -ApiKey (ConvertTo-SecureString $script:Key -AsPlainText -Force) -BaseUri $https -ListRequestsPerSecond 0 -SkipCheck
        try {
            $run = Invoke-Observed { Get-Tracking -PageSize 5 }
        } finally { Connect-TestEmulator $script:Emulator -Extra $script:Unpaced }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.TlsFailure,*'
        @($run.Verbose -match 'Retry').Count | Should -Be 0
    }

    It 'waits the exponential back-off even when Retry-After says 0' {
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/get'; count = 2; action = 'meta429'; retryAfter = 0 }
        @(Get-Tracking -PageSize 5).Count | Should -Be 5
        $starts = @(Get-EmulatorRequest $script:Emulator '*/trackings/get' | Sort-Object startedMs | ForEach-Object startedMs)
        $starts.Count | Should -Be 3
        # Back-off 1 s then 2 s, each with at most 20% jitter.
        ($starts[1] - $starts[0]) | Should -BeGreaterOrEqual 800
        ($starts[2] - $starts[1]) | Should -BeGreaterOrEqual 1600
    }

    It 'refuses <Name> in a tracking number before sending anything' -ForEach @(
        @{ Name = 'U+202E (right-to-left override)'; Char = [char]0x202E }
        @{ Name = 'U+200B (zero-width space)'; Char = [char]0x200B }
        @{ Name = 'U+2028 (line separator)'; Char = [char]0x2028 }
        @{ Name = 'U+00A0 (no-break space)'; Char = [char]0x00A0 }
    ) {
        { New-Tracking -TrackingNumber "RR0503$($Char)49575PH" -CarrierCode phlpost } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }

    It 'refuses a space inside a tracking number, naming the parameter, before any quota is spent; trims one at either end' {
        Clear-EmulatorRequest $script:Emulator
        $failure = { New-Tracking -TrackingNumber 'RR 050349575PH' -CarrierCode phlpost } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*' -PassThru
        $failure.Exception.Message | Should -Match "parameter 'TrackingNumber'"
        $failure.Exception.Message | Should -Match 'space inside'
        { Get-Tracking -TrackingNumber 'RR0503 49575PH' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { [pscustomobject]@{ TrackingNumber = 'RR0503 49575PH'; CarrierCode = 'phlpost' } | Invoke-RealtimeTracking } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
        $null = New-Tracking -TrackingNumber ' RR050349575PH ' -CarrierCode phlpost -ErrorAction SilentlyContinue
        @(Get-EmulatorRequest $script:Emulator).Count | Should -BeGreaterThan 0
    }

    It 'strips terminal escape sequences from a webhook''s text in error messages' {
        # JSON escapes: the parsed number holds ESC [2J (clear screen), ESC ]0; (set title) and BEL.
        $body = '{"data":{"tracking_number":"RR1\u001b[2J\u001b]0;owned\u0007","carrier_code":"dhl"},"verifyInfo":{"timeStr":"1","signature":"00"}}'
        $run = Invoke-Observed { $body | ConvertFrom-TrackingWebhook -AccountEmail $script:Email }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].Exception.Message | Should -Match 'RR1 \[2J \]0;owned'
        ($run.Errors[0].ToString(), $run.Errors[0].Exception.Message, $run.Errors[0].ErrorDetails.Message) -join "`n" |
            Should -Not -Match '[\x00-\x09\x0B-\x1F\x7F]'
    }

    It 'gives a short preview, not the whole body, as the target of a webhook error' {
        $body = '{"data":' + ('x' * 5MB)
        $run = Invoke-Observed { $body | ConvertFrom-TrackingWebhook -AccountEmail $script:Email }
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.WebhookBodyInvalid,*'
        $run.Errors[0].TargetObject.Length | Should -BeLessOrEqual 203
    }
}

Describe '9. Server text cannot run code or rewrite the terminal' {
    AfterEach {
        Clear-EmulatorFault $script:Emulator
        $PSStyle.OutputRendering = 'Host'
        Connect-TestEmulator $script:Emulator -Extra $script:Unpaced
    }

    It 'quotes a carrier code that is not a plain token, offers none with a control character, and Tab + Enter runs nothing' {
        $marker = Join-Path $TestDrive 'completion-ran.txt'
        $evil = 'ups$(Set-Content -LiteralPath ''' + $marker + ''' -Value owned)'
        Add-EmulatorFault $script:Emulator @{ path = '/carriers'; action = 'carrier-list'; items = @(
                @{ code = $evil; name = 'Evil' }
                @{ code = "ups`e[2J"; name = 'Clear screen' }
                @{ code = 'upsx'; name = "UPS`e]0;owned`a X" }
            ) }
        @(Get-TrackingCarrier -Force).Count | Should -Be 3
        $line = 'Get-Tracking RR050349575PH -CarrierCode ups'
        $results = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)
        $results.CompletionText | Should -Contain ("'" + $evil.Replace("'", "''") + "'")
        $results.CompletionText | Should -Contain 'upsx'
        foreach ($result in $results) {
            $result.CompletionText, $result.ListItemText, $result.ToolTip | Should -Not -Match '[\x00-\x1F\x7F-\x9F]'
        }
        # Tab then Enter: each completion as it would stand on the command line.
        foreach ($result in $results) {
            try { Invoke-Expression "Get-Tracking RR050349575PH -CarrierCode $($result.CompletionText) -ErrorAction SilentlyContinue" } catch { }
        }
        Test-Path $marker | Should -BeFalse
    }

    It 'shows no control character in tables and lists of server text, with OutputRendering PlainText' {
        Add-EmulatorFault $script:Emulator @{ path = '/carriers'; action = 'carrier-list'; items = @(
                @{ code = 'evil'; name = "Bell`a and `e]0;title`a"; type = "`e[2Jexpress"; phone = "1`r2" }
            ) }
        $PSStyle.OutputRendering = 'PlainText'
        $carriers = @(Get-TrackingCarrier -Force)
        $body = '{"data":{"tracking_number":"RR050349575PH","carrier_code":"phlpost","title":"\u001b[31mRed\u0007","customer_name":"A\u001b]8;;http://x\u0007B","odd\u001bfield":"x\u009bq"}}'
        $tracking = $body | ConvertFrom-TrackingWebhook -SkipSignatureCheck
        $shown = ($carriers | Format-Table | Out-String) + ($carriers | Format-List * | Out-String) +
            ($tracking | Format-Table | Out-String) + ($tracking | Format-List * | Out-String) + ($tracking.AdditionalProperties | Out-String)
        $shown | Should -Match 'Bell  and  \]0;title'
        $shown | Should -Match ' \[31mRed'
        $shown | Should -Not -Match '[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F]'
    }
}

Describe '10. The webhook replay guard cannot be walked around' {
    It 'refuses a replay whose <Case>' -ForEach @(
        @{ Case = 'signature is upper-cased' }
        @{ Case = 'number is lower-cased' }
        @{ Case = 'number has a trailing space' }
        @{ Case = 'carrier is re-cased' }
    ) {
        $number = 'RR9{0:D9}CN' -f (Get-Random -Maximum 999999999)
        $body = New-SignedWebhook (Get-UnixNow) $number 'china-post'
        @($body | ConvertFrom-TrackingWebhook -AccountEmail $script:Email).Count | Should -Be 1
        $again = switch ($Case) {
            'signature is upper-cased' { [regex]::Replace($body, '"signature":"([0-9a-f]+)"', { param($m) '"signature":"' + $m.Groups[1].Value.ToUpperInvariant() + '"' }) }
            'number is lower-cased' { $body.Replace($number, $number.ToLowerInvariant()) }
            'number has a trailing space' { $body.Replace($number, $number + ' ') }
            'carrier is re-cased' { $body.Replace('"china-post"', '"China-Post"') }
        }
        $again | Should -Not -BeExactly $body
        $run = Invoke-Observed { $again | ConvertFrom-TrackingWebhook -AccountEmail $script:Email }
        $run.Objects.Count | Should -Be 0
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.WebhookReplayed,*'
    }

    It 'does not reopen a replay when -MaximumAge is raised after the call''s own age ran out' {
        # Signed 4 min 58 s ago and accepted under 5 minutes: a guard that keeps a call only for its own age forgets it 2 s later.
        $time = ([DateTimeOffset]::UtcNow.AddSeconds(-298)).ToUnixTimeSeconds().ToString()
        $body = New-SignedWebhook $time ('RR8{0:D9}CN' -f (Get-Random -Maximum 999999999)) 'china-post'
        @($body | ConvertFrom-TrackingWebhook -AccountEmail $script:Email -MaximumAge (New-TimeSpan -Minutes 5)).Count | Should -Be 1
        Start-Sleep -Seconds 3
        $run = Invoke-Observed { $body | ConvertFrom-TrackingWebhook -AccountEmail $script:Email -MaximumAge (New-TimeSpan -Minutes 15) }
        $run.Objects.Count | Should -Be 0
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId.Split(',')[0] | Should -BeIn 'TrackingMore.WebhookReplayed', 'TrackingMore.WebhookStale'
    }

    It 'refuses in this process a call another process accepted, when both name the same -ReplayStore' {
        $store = Join-Path $TestDrive 'replay.store'
        $body = New-SignedWebhook (Get-UnixNow) ('RR7{0:D9}CN' -f (Get-Random -Maximum 999999999)) 'china-post'
        $first = Invoke-InChild {
            param($Body, $Store)
            $email = ConvertTo-SecureString 'hooks@example.com' -AsPlainText -Force
            $out = @($Body | ConvertFrom-TrackingWebhook -AccountEmail $email -ReplayStore $Store -ErrorAction SilentlyContinue)
            'RESULT ' + (@{ Count = $out.Count; Error = "$($Error[0])" } | ConvertTo-Json -Compress)
        } $body, $store
        $first.Count | Should -Be 1 -Because $first.Error
        $run = Invoke-Observed { $body | ConvertFrom-TrackingWebhook -AccountEmail $script:Email -ReplayStore $store }
        $run.Objects.Count | Should -Be 0
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.WebhookReplayed,*'
    }
}

Describe '11. Paging ends on pages that cycle' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'stops with TrackingMore.PagingInconsistent on pages <Pattern>, writing each tracking once' -ForEach @(
        @{ Pattern = 'A, B, A, B without a total'; Cycle = 2; WithTotal = $false }
        @{ Pattern = 'A, B, C, A with a total'; Cycle = 3; WithTotal = $true }
    ) {
        Add-EmulatorFault $script:Emulator @{ action = 'cycle-pages'; cycle = $Cycle; withTotal = $WithTotal }
        # Bounded for a client that would page for ever: Select-Object ends the run after 40 pages' worth.
        $run = Invoke-Observed { Get-Tracking -All -PageSize 20 | Select-Object -First 800 }
        $run.Objects.Count | Should -Be (20 * $Cycle)
        @($run.Objects.Id | Sort-Object -Unique).Count | Should -Be (20 * $Cycle)
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.PagingInconsistent,*'
        $run.Errors[0].Exception.Message | Should -Match "page $($Cycle + 1) .* adds none"
        (Get-EmulatorRequest $script:Emulator '*/trackings/get').Count | Should -Be ($Cycle + 1)
    }
}

Describe '12. A proxy from the environment never sees the key of a loopback connection' {
    It 'goes direct to a loopback base with <Variable> set and no NO_PROXY' -ForEach @(
        @{ Variable = 'HTTP_PROXY' }
        @{ Variable = 'ALL_PROXY' }
    ) {
        $proxy = Start-RecordingProxy
        $saved = @{}
        foreach ($name in 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'all_proxy', 'no_proxy') {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $null)
        }
        [Environment]::SetEnvironmentVariable($Variable, $proxy.Uri)
        try {
            $result = Invoke-InChild {
                param($BaseUri, $Key)
                Connect-TrackingMore -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $BaseUri -ListRequestsPerSecond 0 -MaximumRetryCount 0
                $id = try { $count = @(Get-Tracking -PageSize 1).Count; 'no error' } catch { $_.FullyQualifiedErrorId }
                'RESULT ' + (@{ Count = $count; ErrorId = $id } | ConvertTo-Json -Compress)
            } $script:Emulator.BaseUri, $script:Key
        } finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            $seen = Stop-RecordingProxy $proxy
        }
        $seen | Should -Not -Match ([regex]::Escape($script:Key))
        # pwsh itself may send its own telemetry through ALL_PROXY: what matters is that nothing for the emulator came.
        $seen | Should -Not -Match ([regex]::Escape(([uri]$script:Emulator.BaseUri).Authority))
        $result.ErrorId | Should -Be 'no error'
        $result.Count | Should -Be 1
    }
}

Describe '13. Caches are bounded in entries and released on Disconnect' {
    AfterEach {
        Clear-EmulatorFault $script:Emulator
        Connect-TestEmulator $script:Emulator -Extra $script:Unpaced
    }

    It 'refuses a carrier list of <Case> with <ErrorId>, holding none of them' -ForEach @(
        @{ Case = '4.6 million tiny carriers (60 MB)'; Repeat = 4600000; ErrorId = 'TrackingMore.ResponseTooLarge'; Message = 'GET /carriers .*the most this endpoint' }
        @{ Case = '20,000 tiny carriers (260 KB)'; Repeat = 20000; ErrorId = 'TrackingMore.InvalidResponse'; Message = 'more than 10000 carriers' }
    ) {
        Add-EmulatorFault $script:Emulator @{ path = '/carriers'; action = 'carrier-list'; items = @(@{ code = 'a' }); repeat = $Repeat }
        $result = Invoke-InChild {
            param($BaseUri, $Key)
            Connect-TrackingMore -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $BaseUri -ListRequestsPerSecond 0
            $null = Get-Tracking -PageSize 1   # everything loaded before the start figure (the rule is for /carriers only)
            [GC]::Collect()
            $before = [GC]::GetTotalMemory($true)
            $id = try { $count = @(Get-TrackingCarrier).Count; 'no error' } catch { $_.FullyQualifiedErrorId }
            $message = "$($Error[0])"
            $held = ([GC]::GetTotalMemory($true) - $before) / 1MB
            'RESULT ' + (@{ Count = $count; ErrorId = $id; Message = $message; HeldMB = $held } | ConvertTo-Json -Compress)
        } $script:Emulator.BaseUri, $script:Key
        $result.ErrorId | Should -BeLike "$ErrorId,*"
        $result.Message | Should -Match $Message
        # No carrier is kept; what stays are the read buffers the shared pool keeps for reuse (a few times the 8 MB a
        # carrier list may take), where 4.6 million cached carriers held 1.4 GB.
        $result.HeldMB | Should -BeLessThan 48
    }

    It 'lets go of the carrier list on Disconnect-TrackingMore, even while the connection object is still held' {
        Add-EmulatorFault $script:Emulator @{ path = '/carriers'; action = 'carrier-list'; items = @(@{ code = 'big'; name = 'n' * 4000 }); repeat = 1800 }
        $result = Invoke-InChild {
            param($BaseUri, $Key)
            $connection = Connect-TrackingMore -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $BaseUri -ListRequestsPerSecond 0 -PassThru
            $count = 0
            Get-TrackingCarrier | ForEach-Object { $count++ }
            $cached = [GC]::GetTotalMemory($true)
            Disconnect-TrackingMore
            $released = ($cached - [GC]::GetTotalMemory($true)) / 1MB
            'RESULT ' + (@{ Count = $count; ReleasedMB = $released; Held = $null -ne $connection } | ConvertTo-Json -Compress)
        } $script:Emulator.BaseUri, $script:Key
        $result.Count | Should -Be 1800
        $result.Held | Should -BeTrue
        # 1800 names of 4000 characters are 14 MB as .NET strings (the list is 7 MB, under the 8 MB a carrier list may take).
        $result.ReleasedMB | Should -BeGreaterThan 10
    }
}

Describe '14. Hostile webhooks are errors per body, and the pipeline goes on' {
    It 'reports bodies naming trackings the service could not send under -Refresh as TrackingMore.WebhookBodyInvalid, and reads the next body' {
        $created = New-Tracking -TrackingNumber (New-TestTrackingNumber -Prefix 'WD') -CarrierCode china-post
        $bodies = @(
            New-SignedWebhook (Get-UnixNow) '..' 'china-post'
            New-SignedWebhook (Get-UnixNow) ('x' * 60) 'china-post'
            New-SignedWebhook (Get-UnixNow) 'RR050349575PH' '../x'
            New-SignedWebhook (Get-UnixNow) $created.TrackingNumber 'china-post'
        )
        $run = Invoke-Observed { $bodies | ConvertFrom-TrackingWebhook -AccountEmail $script:Email -Refresh }
        $run.Objects.TrackingNumber | Should -Be $created.TrackingNumber
        $run.Errors.Count | Should -Be 3
        $run.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.WebhookBodyInvalid,*' }
    }

    It 'refuses -MaximumAge <Case> by its validation, naming the parameter' -ForEach @(
        @{ Case = '[TimeSpan]::MaxValue'; Age = [TimeSpan]::MaxValue }
        @{ Case = 'of 2 days'; Age = [TimeSpan]::FromDays(2) }
        @{ Case = 'below zero'; Age = [TimeSpan]::FromMinutes(-1) }
    ) {
        $failure = $null
        try { New-SignedWebhook (Get-UnixNow) 'RR050349575PH' 'phlpost' | ConvertFrom-TrackingWebhook -AccountEmail $script:Email -MaximumAge $Age } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $failure.Exception.Message | Should -Match 'MaximumAge'
    }

    It 'holds under 30 MB after 10,000 bodies with 10 KB numbers under one captured signature' {
        $result = Invoke-InChild {
            $time = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds().ToString()
            $hmac = [System.Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes('hooks@example.com'))
            $signature = [Convert]::ToHexString($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($time))).ToLowerInvariant()
            $email = ConvertTo-SecureString 'hooks@example.com' -AsPlainText -Force
            $padding = 'N' * 10240
            [GC]::Collect()
            $before = [GC]::GetTotalMemory($true)
            $objects = 0
            1..10000 | ForEach-Object {
                '{"data":{"tracking_number":"' + $_ + $padding + '","carrier_code":"dhl"},"verifyInfo":{"timeStr":"' + $time + '","signature":"' + $signature + '"}}'
            } | ConvertFrom-TrackingWebhook -AccountEmail $email -ErrorAction SilentlyContinue | ForEach-Object { $objects++ }
            $Error.Clear()
            $held = ([GC]::GetTotalMemory($true) - $before) / 1MB
            'RESULT ' + (@{ HeldMB = $held; Objects = $objects } | ConvertTo-Json -Compress)
        }
        $result.HeldMB | Should -BeLessThan 30
    }
}

Describe '15. Fields are bounded at what the service keeps' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }

    It 'refuses <Case> over 255 characters before sending anything, naming the parameter' -ForEach @(
        @{ Case = 'New-Tracking -Title'; Command = { New-Tracking -TrackingNumber RR050349575PH -CarrierCode phlpost -Title ('t' * 256) }; Parameter = 'Title' }
        @{ Case = 'New-Tracking -Comment'; Command = { New-Tracking -TrackingNumber RR050349575PH -CarrierCode phlpost -Comment ('c' * 25MB) }; Parameter = 'Comment' }
        @{ Case = 'Set-Tracking -CustomerName'; Command = { Set-Tracking RR050349575PH phlpost -CustomerName ('n' * 256) -Confirm:$false }; Parameter = 'CustomerName' }
        @{ Case = 'Invoke-RealtimeTracking -OrderId'; Command = { Invoke-RealtimeTracking RR050349575PH phlpost -OrderId ('o' * 256) }; Parameter = 'OrderId' }
    ) {
        $failure = $null
        try { & $Command } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $failure.Exception.Message | Should -Match $Parameter
        $failure.Exception.Message | Should -Match '255'
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }

    It 'sends a title of exactly 255 characters' {
        $created = New-Tracking -TrackingNumber (New-TestTrackingNumber -Prefix 'FL') -CarrierCode china-post -Title ('t' * 255)
        $created.Title.Length | Should -Be 255
    }
}
