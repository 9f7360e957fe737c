# Nothing lost, nothing leaked: the client under the emulator's injected faults. Fault rules are deterministic by seed.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    # The list limit is off here: these tests are about faults, and the paging tests cover pacing.
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '2000', '--list-interval-ms', '0'
    Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0 }
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe 'Transient faults are retried within the bound' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'retries <Action> and succeeds, counting the retries in -Verbose' -ForEach @(
        @{ Action = 'http503'; Count = 3 }
        @{ Action = 'http504'; Count = 2 }
        @{ Action = 'http502-html'; Count = 1 }
        @{ Action = 'meta429'; Count = 2 }
        @{ Action = 'http429'; Count = 1 }
        @{ Action = 'drop'; Count = 2 }
    ) {
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/get'; count = $Count; action = $Action; retryAfter = 0 }
        $run = Invoke-Observed { Get-Tracking -PageSize 10 }
        $run.Objects.Count | Should -Be 10
        $run.Errors.Count | Should -Be 0
        @($run.Verbose -match 'Retry \d of 3').Count | Should -Be $Count
        (Get-EmulatorRequest $script:Emulator '*/trackings/get').Count | Should -Be ($Count + 1)
    }

    It 'gives up after -MaximumRetryCount retries with an error that shows the status and the first bytes' {
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/get'; action = 'http502-html' }
        Connect-TestEmulator $script:Emulator -Extra @{ MaximumRetryCount = 1; ListRequestsPerSecond = 0 }
        try {
            $failure = $null
            try { Get-Tracking -PageSize 10 } catch { $failure = $_ }
        } finally { Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0 } }
        (Get-EmulatorRequest $script:Emulator '*/trackings/get').Count | Should -Be 2
        $failure.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.ServerError,*'
        $failure.Exception.Message | Should -Match 'HTTP 502'
        $failure.Exception.Message | Should -Match '<'
        $failure.Exception.Message | Should -Not -Match 'Trackingmore-Api-Key'
        $failure.Exception.Message | Should -Not -Match ([regex]::Escape($script:Emulator.ApiKey))
    }
}

Describe 'Answers that cannot be read' {
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'reports <Action> with the HTTP status and the first bytes of the body' -ForEach @(
        @{ Action = 'truncated'; Id = 'TrackingMore.InvalidResponse' }
        @{ Action = 'wrong-types'; Id = 'TrackingMore.InvalidResponse' }
    ) {
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/get'; count = 1; action = $Action }
        $failure = $null
        try { Get-Tracking -PageSize 10 } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $failure.CategoryInfo.Category | Should -Be 'InvalidResult'
        $failure.Exception.Message | Should -Match 'GET /trackings/get'
        if ($Action -eq 'truncated') {
            $failure.Exception.Message | Should -Match 'HTTP 200'
            $failure.Exception.Message | Should -Match '\{"meta"'
        }
    }

    It 'ends a call that does not answer within -TimeoutSec with an error naming the endpoint and the time' {
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/get'; count = 1; action = 'delay'; delayMs = 30000 }
        Connect-TestEmulator $script:Emulator -Extra @{ TimeoutSec = 1; ListRequestsPerSecond = 0 }
        try {
            $failure = $null
            try { Get-Tracking -PageSize 10 } catch { $failure = $_ }
        } finally { Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0 } }
        $failure.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.Timeout,*'
        $failure.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failure.Exception.Message | Should -Match 'GET /trackings/get did not answer within 1 s'
    }
}

Describe 'What a failed attempt says about the work' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }
    AfterEach {
        Clear-EmulatorFault $script:Emulator
        Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0 }
    }

    It 'keeps "already exists" an error when the batch was first refused with a 429' {
        $existing, $new = New-Shipment 2 -Prefix 'RL'
        $null = $existing | New-Tracking
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/batch'; count = 1; action = 'meta429'; retryAfter = 0 }
        $run = Invoke-Observed { $existing, $new | New-Tracking }
        $run.Objects.TrackingNumber | Should -Be $new.TrackingNumber
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.AlreadyExists,*'
        $run.Errors[0].TargetObject.TrackingNumber | Should -Be $existing.TrackingNumber
    }

    It 'keeps "does not exist" an error of Remove-Tracking -PassThru when the batch was first refused with a 429' {
        $held, $never = New-Shipment 2 -Prefix 'RR'
        $null = $held | New-Tracking
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/delete'; count = 1; action = 'meta429'; retryAfter = 0 }
        $run = Invoke-Observed { $held, $never | Remove-Tracking -PassThru -Confirm:$false }
        $run.Objects.TrackingNumber | Should -Be $held.TrackingNumber
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.NotFound,*'
    }

    # after-process-drop does the work and loses the answer; late-answer does it and answers after delayMs, past
    # -TimeoutSec. Either way the request went out and no answer came back: the account is asked.
    It 'looks up a batch whose <Case>, and reports both as created' -ForEach @(
        @{ Case = 'answer was lost with retries off'; Settings = @{ MaximumRetryCount = 0 }; Fault = @{ action = 'after-process-drop' } }
        @{ Case = 'answer came after -TimeoutSec'; Settings = @{ TimeoutSec = 1 }; Fault = @{ action = 'late-answer'; delayMs = 30000 } }
    ) {
        Connect-TestEmulator $script:Emulator -Extra (@{ ListRequestsPerSecond = 0 } + $Settings)
        $shipments = New-Shipment 2 -Prefix 'LA'
        Add-EmulatorFault $script:Emulator (@{ path = '/trackings/batch'; count = 1 } + $Fault)
        $run = Invoke-Observed { $shipments | New-Tracking }
        $run.Errors.Count | Should -Be 0
        ($run.Objects.TrackingNumber | Sort-Object) | Should -Be ($shipments.TrackingNumber | Sort-Object)
        (Get-EmulatorRequest $script:Emulator '*/trackings/batch').Count | Should -Be 1
        (Get-EmulatorRequest $script:Emulator '*/trackings/get').Count | Should -Be 1
    }

    It 'looks up a removal answered after -TimeoutSec and writes both as removed' {
        $held = @(New-Shipment 2 -Prefix 'LR' | New-Tracking)
        Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0; TimeoutSec = 1 }
        Clear-EmulatorRequest $script:Emulator
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/delete'; count = 1; action = 'late-answer'; delayMs = 30000 }
        $run = Invoke-Observed { $held | Remove-Tracking -PassThru -Confirm:$false }
        $run.Errors.Count | Should -Be 0
        ($run.Objects.TrackingNumber | Sort-Object) | Should -Be ($held.TrackingNumber | Sort-Object)
        (Get-EmulatorRequest $script:Emulator '*/trackings/delete').Count | Should -Be 1
        Get-Tracking -TrackingNumber $held.TrackingNumber -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'reports a change answered after -TimeoutSec as an unknown outcome, since the account cannot show it' {
        $held = @(New-Shipment 2 -Prefix 'LU' | New-Tracking)
        Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0; TimeoutSec = 1 }
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/updatemore'; count = 1; action = 'late-answer'; delayMs = 30000 }
        $run = Invoke-Observed { $held | Set-Tracking -Title 'Late' -Confirm:$false }
        $run.Objects.Count | Should -Be 0
        $run.Errors.Count | Should -Be 2
        $run.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.OutcomeUnknown,*' }
        $run.Errors[0].Exception.Message | Should -Match 'did not answer within 1 s'
    }
}

Describe 'Bulk commands under a 20% fault rate' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'New-Tracking returns every item exactly once and creates no duplicates, even when answers are lost' {
        $shipments = @(New-Shipment 200 'FB')
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/batch'; rate = 0.2; seed = 11; action = 'after-process-drop' }
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/batch'; rate = 0.2; seed = 12; action = 'http503'; retryAfter = 0 }
        $run = Invoke-Observed { $shipments | New-Tracking }
        $failedNumbers = @($run.Errors | ForEach-Object { $_.TargetObject.TrackingNumber })
        ($run.Objects.TrackingNumber + $failedNumbers | Sort-Object) | Should -Be ($shipments.TrackingNumber | Sort-Object)
        $run.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -Not -BeLike 'TrackingMore.AlreadyExists,*' }
        $run.Objects.Count | Should -Be 200
        @($run.Verbose -match 'Retry').Count | Should -BeGreaterThan 0
        @($run.Verbose -match 'done by the first attempt').Count | Should -BeGreaterThan 0
        Clear-EmulatorFault $script:Emulator
        $stored = @(Get-Tracking -TrackingNumber $shipments.TrackingNumber)
        $stored.Count | Should -Be 200
        @($stored.Id | Sort-Object -Unique).Count | Should -Be 200
    }

    It 'Remove-Tracking returns every item exactly once, even when answers are lost' {
        $shipments = @(New-Shipment 120 'RB' | New-Tracking)
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/delete'; rate = 0.2; seed = 21; action = 'after-process-drop' }
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/delete'; rate = 0.2; seed = 22; action = 'http503'; retryAfter = 0 }
        $run = Invoke-Observed { $shipments | Remove-Tracking -Confirm:$false -PassThru }
        $failedNumbers = @($run.Errors | ForEach-Object { $_.TargetObject.TrackingNumber })
        ($run.Objects.TrackingNumber + $failedNumbers | Sort-Object) | Should -Be ($shipments.TrackingNumber | Sort-Object)
        $run.Objects.Count | Should -Be 120
        Clear-EmulatorFault $script:Emulator
        Get-Tracking -TrackingNumber $shipments.TrackingNumber -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It '<Name> returns every item exactly once, even when answers are lost' -ForEach @(
        @{ Name = 'Set-Tracking'; Path = '/trackings/updatemore'; Send = { $input | Set-Tracking -Title 'Faulted' -Confirm:$false } }
        @{ Name = 'Stop-TrackingUpdate'; Path = '/trackings/notupdate'; Send = { $input | Stop-TrackingUpdate -Confirm:$false } }
    ) {
        $shipments = @(New-Shipment 120 'SU' | New-Tracking)
        # Past their first carrier result, so that GET shows the full record, with track_update.
        Step-EmulatorClock $script:Emulator
        Add-EmulatorFault $script:Emulator @{ path = $Path; rate = 0.2; seed = 41; action = 'after-process-drop' }
        Add-EmulatorFault $script:Emulator @{ path = $Path; rate = 0.2; seed = 42; action = 'http503'; retryAfter = 0 }
        $run = Invoke-Observed { $shipments | & $Send }
        $failedNumbers = @($run.Errors | ForEach-Object { $_.TargetObject.TrackingNumber })
        ($run.Objects.TrackingNumber + $failedNumbers | Sort-Object) | Should -Be ($shipments.TrackingNumber | Sort-Object)
        $run.Errors.Count | Should -Be 0
        @($run.Verbose -match 'Retry').Count | Should -BeGreaterThan 0
        Clear-EmulatorFault $script:Emulator
        $stored = @(Get-Tracking -TrackingNumber $shipments.TrackingNumber)
        if ($Name -eq 'Set-Tracking') { $stored.Title | Sort-Object -Unique | Should -Be 'Faulted' }
        else { $stored.TrackUpdate | Sort-Object -Unique | Should -Be $false }
    }

    It 'every item comes back once as an object or an error naming it when retries run out' {
        $shipments = @(New-Shipment 80 'FE')
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/batch'; after = 1; count = 1; action = 'http500' }
        $run = Invoke-Observed { $shipments | New-Tracking }
        $run.Objects.Count | Should -Be 40
        $run.Errors.Count | Should -Be 40
        ($run.Objects.TrackingNumber + @($run.Errors.TargetObject.TrackingNumber) | Sort-Object) | Should -Be ($shipments.TrackingNumber | Sort-Object)
        $run.Errors[0].Exception.Message | Should -Match 'POST /trackings/batch'
    }
}

Describe 'Get-Tracking -All under a 20% fault rate' {
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'writes every tracking exactly once over 20 pages' {
        $expected = @(Get-Tracking -All -PageSize 2000 -CreatedBefore (Get-Date).AddYears(1)).Id | Sort-Object
        Clear-EmulatorRequest $script:Emulator
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/get'; rate = 0.1; seed = 31; action = 'http503'; retryAfter = 0 }
        Add-EmulatorFault $script:Emulator @{ path = '/trackings/get'; rate = 0.1; seed = 32; action = 'drop' }
        $pageSize = [Math]::Ceiling($expected.Count / 20)
        $run = Invoke-Observed { Get-Tracking -All -PageSize $pageSize -CreatedBefore (Get-Date).AddYears(1) }
        $run.Errors.Count | Should -Be 0
        # Compared as one string: Should -Be walks a 2000-item array slowly.
        (($run.Objects.Id | Sort-Object) -join ',') | Should -Be ($expected -join ',')
        @($run.Verbose -match 'Retry').Count | Should -BeGreaterThan 0
        (Get-EmulatorRequest $script:Emulator '*/trackings/get').Count | Should -BeGreaterThan 20
    }
}
