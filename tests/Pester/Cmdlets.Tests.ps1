# The cmdlets of issue 3 end to end: the built module in this pwsh, the emulator as its own process.
# Each cmdlet has a success path and at least one error the API or the module reports; cmdlets that change the
# account are checked to send nothing under -WhatIf.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    # Realtime's 3 a second is on, with room for scheduling jitter at arrival (see Paging.Tests.ps1).
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '30', '--list-interval-ms', '0', '--rate-tolerance-ms', '250'
    Connect-TestEmulator $script:Emulator

    # A tracking of our own, so tests that change one do not disturb the others.
    function New-OwnTracking([string] $Prefix = 'CM', [string] $CarrierCode = 'china-post') {
        New-Tracking -TrackingNumber (New-TestTrackingNumber -Prefix $Prefix) -CarrierCode $CarrierCode
    }
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe 'Set-Tracking' {
    It 'changes only the fields given, with one PUT, and writes the updated tracking' {
        $tracking = New-OwnTracking
        Clear-EmulatorRequest $script:Emulator
        $updated = Set-Tracking -TrackingNumber $tracking.TrackingNumber -CarrierCode china-post -Title 'Desk lamp' -CustomerName 'Ana Lima' -Confirm:$false
        $updated | Should -BeOfType 'TrackingMore.Models.Tracking'
        $updated.Title | Should -Be 'Desk lamp'
        $updated.CustomerName | Should -Be 'Ana Lima'
        $put = @(Get-EmulatorRequest $script:Emulator | Where-Object method -eq 'PUT')
        $put.Count | Should -Be 1
        $put[0].path | Should -Be "/v2/trackings/china-post/$($tracking.TrackingNumber)"
        (Get-EmulatorRequest $script:Emulator '*/trackings/updatemore').Count | Should -Be 0
        (Get-Tracking $tracking.TrackingNumber -CarrierCode china-post).Title | Should -Be 'Desk lamp'
    }

    It 'sets a status by hand and restores the carrier''s' {
        $tracking = New-OwnTracking
        ($tracking | Set-Tracking -Status Delivered -Confirm:$false).Status | Should -Be 'Delivered'
        (Get-Tracking $tracking.TrackingNumber -CarrierCode china-post).Status | Should -Be 'Delivered'
        ($tracking | Set-Tracking -Status Restore -Confirm:$false).Status | Should -Not -Be 'Delivered'
    }

    It 'reports an unknown tracking as 4017 against it' {
        Set-Tracking -TrackingNumber 'NOSUCH000010' -CarrierCode dhl -Title 'x' -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.NotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject.TrackingNumber | Should -Be 'NOSUCH000010'
        # The API says only "Tracking does not exist."; the error names the tracking it is about.
        $failures[0].ToString() | Should -Match '^NOSUCH000010 \(dhl\): '
    }

    It 'sends many with one updatemore request and reports each item once' {
        $mine = @(1..3 | ForEach-Object { New-OwnTracking })
        Clear-EmulatorRequest $script:Emulator
        $items = @($mine) + [pscustomobject]@{ TrackingNumber = 'NOSUCH000011'; CarrierCode = 'china-post' }
        $updated = @($items | Set-Tracking -OrderId 'SO-77' -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue)
        ($updated.TrackingNumber | Sort-Object) | Should -Be ($mine.TrackingNumber | Sort-Object)
        $failures.Count | Should -Be 1
        $failures[0].TargetObject.TrackingNumber | Should -Be 'NOSUCH000011'
        (Get-EmulatorRequest $script:Emulator '*/trackings/updatemore').Count | Should -Be 1
        @(Get-EmulatorRequest $script:Emulator | Where-Object method -eq 'PUT').Count | Should -Be 0
        (Get-Tracking $mine[1].TrackingNumber -CarrierCode china-post).OrderId | Should -Be 'SO-77'
    }

    It 'writes each tracking of a bulk update as the service now holds it, read back with one list request' {
        $mine = @(1..3 | ForEach-Object { New-OwnTracking -Prefix 'RB' })
        # Asked at once, the carrier answers: from then on the record has events, a last update and a sub-status.
        $null = $mine | Invoke-RealtimeTracking
        $null = $mine | Set-Tracking -Archived $true -Confirm:$false
        Clear-EmulatorRequest $script:Emulator
        $updated = @($mine | Set-Tracking -Title 'Read back' -Confirm:$false)
        $requests = @(Get-EmulatorRequest $script:Emulator)
        $updated.Count | Should -Be 3
        # Some numbers the carrier knows (events, last update), some it does not (NotFound): each as the service holds it.
        @($updated | Where-Object LastUpdateTime).Count | Should -BeGreaterThan 0
        foreach ($tracking in $updated) {
            $held = Get-Tracking $tracking.TrackingNumber -CarrierCode china-post
            $tracking.Title | Should -Be 'Read back'
            $tracking.Archived | Should -Be $true
            $tracking.Archived | Should -Be $held.Archived
            $tracking.LastUpdateTime | Should -Be $held.LastUpdateTime
            $tracking.SubStatus | Should -Be $held.SubStatus
            $tracking.Events.Count | Should -Be $held.Events.Count
            @($tracking.AdditionalProperties.Keys) | Should -Be @($held.AdditionalProperties.Keys)
        }
        @($requests | Where-Object path -like '*/trackings/updatemore').Count | Should -Be 1
        @($requests | Where-Object path -like '*/trackings/get').Count | Should -Be 1
    }

    It 'leaves a field with an empty CSV cell as it is, and empties only the fields -Clear names' {
        $tracking = New-OwnTracking
        $null = Set-Tracking $tracking.TrackingNumber china-post -Title 'Desk lamp' -CustomerEmail 'ana@example.com' -OrderId 'SO-1' -Confirm:$false
        $path = Join-Path $TestDrive 'updates.csv'
        @([pscustomobject]@{ TrackingNumber = $tracking.TrackingNumber; CarrierCode = 'china-post'; Title = ''; CustomerEmail = 'bia@example.com'; OrderId = ' ' }) |
            Export-Csv $path -NoTypeInformation
        Clear-EmulatorRequest $script:Emulator
        $updated = Import-Csv $path | ForEach-Object {
            Set-Tracking $_.TrackingNumber $_.CarrierCode -Title $_.Title -CustomerEmail $_.CustomerEmail -OrderId $_.OrderId -Confirm:$false
        }
        $updated.Title | Should -Be 'Desk lamp'
        $updated.CustomerEmail | Should -Be 'bia@example.com'
        $updated.OrderId | Should -Be 'SO-1'
        $put = @(Get-EmulatorRequest $script:Emulator | Where-Object method -eq 'PUT')
        $put.Count | Should -Be 1
        (Get-Tracking $tracking.TrackingNumber -CarrierCode china-post).Title | Should -Be 'Desk lamp'

        $cleared = Set-Tracking $tracking.TrackingNumber china-post -Clear Title, OrderId -Confirm:$false
        $cleared.Title | Should -BeNullOrEmpty
        $cleared.OrderId | Should -BeNullOrEmpty
        $cleared.CustomerEmail | Should -Be 'bia@example.com'
        (Get-Tracking $tracking.TrackingNumber -CarrierCode china-post).Title | Should -BeNullOrEmpty

        Clear-EmulatorRequest $script:Emulator
        $failure = { Set-Tracking $tracking.TrackingNumber china-post -Title '' -Confirm:$false } | Should -Throw -ErrorId 'TrackingMore.NoChange,*' -PassThru
        $failure.Exception.Message | Should -Match '-Clear Title'
        { Set-Tracking $tracking.TrackingNumber china-post -Title 'x' -Clear Title -Confirm:$false } | Should -Throw -ErrorId 'TrackingMore.ClearConflict,*'
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }

    It 'refuses to run without a change, before sending anything' {
        Clear-EmulatorRequest $script:Emulator
        { Set-Tracking -TrackingNumber 'RR1' -CarrierCode dhl -Confirm:$false } | Should -Throw -ErrorId 'TrackingMore.NoChange,*'
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }

    It 'sends nothing under -WhatIf' {
        $mine = @(1..2 | ForEach-Object { New-OwnTracking })
        Clear-EmulatorRequest $script:Emulator
        Set-Tracking -TrackingNumber $mine[0].TrackingNumber -CarrierCode china-post -Archived $true -WhatIf
        $mine | Set-Tracking -Title 'never' -WhatIf
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }
}

Describe 'Set-Tracking -Archived on a whole account' {
    BeforeAll {
        $script:Fresh = Start-TestEmulator -ArgumentList '--seed', '12', '--list-interval-ms', '0'
        Connect-TestEmulator $script:Fresh
    }

    AfterAll {
        Connect-TestEmulator $script:Emulator
        Stop-TrackingMoreEmulator $script:Fresh
    }

    It 'archives everything Get-Tracking -All gives, 40 a request' {
        $all = @(Get-Tracking -All)
        $all.Count | Should -BeGreaterThan 0
        $archived = @(Get-Tracking -All | Set-Tracking -Archived $true -Confirm:$false)
        $archived.Count | Should -Be $all.Count
        $archived.Archived | Sort-Object -Unique | Should -Be $true
        @(Get-EmulatorRequest $script:Fresh | Where-Object path -like '*/trackings/updatemore').Count | Should -Be ([Math]::Ceiling($all.Count / 40))

        $listed = @(Get-Tracking -Archived -All)
        ($listed.Id | Sort-Object) | Should -Be ($all.Id | Sort-Object)
        @(Get-Tracking -Archived:$false -All).Count | Should -Be 0
    }
}

Describe 'Update-TrackingCarrier' {
    It 'moves a tracking to another carrier and writes where it lives now' {
        $tracking = New-OwnTracking
        $moved = $tracking | Update-TrackingCarrier -NewCarrierCode china-ems -Confirm:$false
        $moved | Should -BeOfType 'TrackingMore.Models.TrackingIdentity'
        $moved.TrackingNumber | Should -Be $tracking.TrackingNumber
        $moved.CarrierCode | Should -Be 'china-ems'
        ($moved | Get-Tracking).CarrierCode | Should -Be 'china-ems'
        Get-Tracking $tracking.TrackingNumber -CarrierCode china-post -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.NotFound,*'
    }

    It 'reports <Case> as <Code>' -ForEach @(
        @{ Case = 'an unknown tracking'; Number = 'NOSUCH000020'; NewCarrier = 'dhl'; Code = 'NotFound' }
        @{ Case = 'an unknown new carrier'; Number = $null; NewCarrier = 'nosuchcarrier'; Code = 'UnknownCarrier' }
    ) {
        if (-not $Number) { $Number = (New-OwnTracking).TrackingNumber }
        Update-TrackingCarrier -TrackingNumber $Number -CarrierCode china-post -NewCarrierCode $NewCarrier -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike "TrackingMore.$Code,*"
        $failures[0].TargetObject.TrackingNumber | Should -Be $Number
    }

    It 'sends nothing under -WhatIf' {
        $tracking = New-OwnTracking
        Clear-EmulatorRequest $script:Emulator
        $tracking | Update-TrackingCarrier -NewCarrierCode dhl -WhatIf
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }
}

Describe 'Stop-TrackingUpdate' {
    It 'stops trackings piped from Get-Tracking with one notupdate request' {
        $mine = @(1..3 | ForEach-Object { New-OwnTracking })
        # Asked at once, the carrier answers: from then on GET shows the full record, with track_update.
        $null = $mine | Invoke-RealtimeTracking
        Clear-EmulatorRequest $script:Emulator
        $stopped = @($mine | Get-Tracking | Stop-TrackingUpdate -Confirm:$false)
        ($stopped.TrackingNumber | Sort-Object) | Should -Be ($mine.TrackingNumber | Sort-Object)
        $stopped.TrackUpdate | Sort-Object -Unique | Should -Be $false
        (Get-EmulatorRequest $script:Emulator '*/trackings/notupdate').Count | Should -Be 1
        (Get-Tracking $mine[0].TrackingNumber -CarrierCode china-post).TrackUpdate | Should -Be $false
    }

    It 'writes each stopped tracking as the service now holds it, last update and events included' {
        $mine = @(1..3 | ForEach-Object { New-OwnTracking -Prefix 'RS' })
        $null = $mine | Invoke-RealtimeTracking
        Clear-EmulatorRequest $script:Emulator
        $stopped = @($mine | Stop-TrackingUpdate -Confirm:$false)
        $listRequests = @(Get-EmulatorRequest $script:Emulator '*/trackings/get')
        $stopped.Count | Should -Be 3
        @($stopped | Where-Object LastUpdateTime).Count | Should -BeGreaterThan 0
        foreach ($tracking in $stopped) {
            $held = Get-Tracking $tracking.TrackingNumber -CarrierCode china-post
            $tracking.TrackUpdate | Should -Be $false
            $tracking.LastUpdateTime | Should -Be $held.LastUpdateTime
            $tracking.Events.Count | Should -Be $held.Events.Count
        }
        $listRequests.Count | Should -Be 1
    }

    It 'asks for confirmation by default, since stopping cannot be undone' {
        (Get-Command Stop-TrackingUpdate).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact |
            Should -Be 'High'
        $tracking = New-OwnTracking
        Clear-EmulatorRequest $script:Emulator
        # A runspace with no host to ask in: the prompt the default $ConfirmPreference (High) calls for fails, and nothing is sent.
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($Module, $Key, $BaseUri, $Number)
                    Import-Module $Module
                    Connect-TrackingMore -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $BaseUri -SkipCheck
                    Stop-TrackingUpdate -TrackingNumber $Number -CarrierCode china-post
                }).AddParameters(@{ Module = $env:TRACKINGMORE_TEST_MODULE; Key = $script:Emulator.ApiKey; BaseUri = $script:Emulator.BaseUri; Number = $tracking.TrackingNumber })
            $failure = $null
            try { $null = $shell.Invoke() } catch { $failure = $_ }
            ($failure, $shell.Streams.Error | Where-Object { $_ }).Count | Should -BeGreaterThan 0
        } finally {
            $shell.Dispose()
        }
        @(Get-EmulatorRequest $script:Emulator '*/trackings/notupdate').Count | Should -Be 0
    }

    It 'sends a lone tracking as a batch of one (the endpoint has no single form)' {
        $tracking = New-OwnTracking
        Clear-EmulatorRequest $script:Emulator
        ($tracking | Stop-TrackingUpdate -Confirm:$false).TrackUpdate | Should -Be $false
        (Get-EmulatorRequest $script:Emulator '*/trackings/notupdate').Count | Should -Be 1
    }

    It 'reports an unknown tracking as 4017 against it, lone or in a batch' {
        Stop-TrackingUpdate -TrackingNumber 'NOSUCH000030' -CarrierCode dhl -Confirm:$false -ErrorVariable lone -ErrorAction SilentlyContinue
        $lone.Count | Should -Be 1
        $lone[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.NotFound,*'
        $lone[0].TargetObject.TrackingNumber | Should -Be 'NOSUCH000030'

        $items = @((New-OwnTracking), [pscustomobject]@{ TrackingNumber = 'NOSUCH000031'; CarrierCode = 'china-post' })
        $stopped = @($items | Stop-TrackingUpdate -Confirm:$false -ErrorVariable batch -ErrorAction SilentlyContinue)
        $stopped.Count | Should -Be 1
        $batch.Count | Should -Be 1
        $batch[0].TargetObject.TrackingNumber | Should -Be 'NOSUCH000031'
    }

    It 'sends nothing under -WhatIf' {
        $mine = @(1..2 | ForEach-Object { New-OwnTracking })
        # Asked at once, the carrier answers: from then on GET shows the full record, with track_update.
        $null = $mine | Invoke-RealtimeTracking
        Clear-EmulatorRequest $script:Emulator
        $mine | Stop-TrackingUpdate -WhatIf
        Stop-TrackingUpdate -TrackingNumber $mine[0].TrackingNumber -CarrierCode china-post -WhatIf
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
        (Get-Tracking $mine[0].TrackingNumber -CarrierCode china-post).TrackUpdate | Should -Be $true
    }
}

Describe 'Invoke-RealtimeTracking' {
    It 'asks for trackings piped in, one request each, and writes Tracking objects' {
        $mine = @(1..2 | ForEach-Object { New-OwnTracking })
        Clear-EmulatorRequest $script:Emulator
        $fresh = @($mine | Invoke-RealtimeTracking)
        $fresh.Count | Should -Be 2
        $fresh[0] | Should -BeOfType 'TrackingMore.Models.Tracking'
        ($fresh.TrackingNumber | Sort-Object) | Should -Be ($mine.TrackingNumber | Sort-Object)
        (Get-EmulatorRequest $script:Emulator '*/trackings/realtime').Count | Should -Be 2
    }

    It 'stays inside 3 requests a second, so 7 shipments in a row meet no 429' {
        $numbers = 1..7 | ForEach-Object { New-TestTrackingNumber -Prefix 'RT' }
        Clear-EmulatorRequest $script:Emulator
        $fresh = @($numbers | ForEach-Object { [pscustomobject]@{ TrackingNumber = $_; CarrierCode = 'china-post' } } |
                Invoke-RealtimeTracking -ErrorVariable failures -ErrorAction SilentlyContinue)
        $failures.Count | Should -Be 0
        $fresh.Count | Should -Be 7
        $requests = @(Get-EmulatorRequest $script:Emulator '*/trackings/realtime')
        $requests.Count | Should -Be 7
        $requests.metaCode | Sort-Object -Unique | Should -Be 200
    }

    It 'reports an unknown carrier as 4015' {
        Invoke-RealtimeTracking -TrackingNumber (New-TestTrackingNumber) -CarrierCode nosuchcarrier -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.UnknownCarrier,*'
    }

    It 'suggests the nearest known carrier codes for an unknown one, from the carrier list fetched before, never fetching it' {
        Connect-TestEmulator $script:Emulator
        Clear-EmulatorRequest $script:Emulator
        New-Tracking -TrackingNumber (New-TestTrackingNumber) -CarrierCode china-pots -ErrorVariable before -ErrorAction SilentlyContinue
        $before[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.UnknownCarrier,*'
        "$($before[0].ErrorDetails.RecommendedAction)" | Should -Not -Match 'did you mean'
        @(Get-EmulatorRequest $script:Emulator '*/carriers').Count | Should -Be 0

        $null = Get-TrackingCarrier
        $items = @(
            [pscustomobject]@{ TrackingNumber = (New-TestTrackingNumber); CarrierCode = 'china-pots' }
            [pscustomobject]@{ TrackingNumber = (New-TestTrackingNumber); CarrierCode = 'fedx' }
        )
        $null = $items | New-Tracking -ErrorVariable batch -ErrorAction SilentlyContinue
        $batch.Count | Should -Be 2
        $batch[0].ErrorDetails.RecommendedAction | Should -Match 'did you mean china-post'
        $batch[1].ErrorDetails.RecommendedAction | Should -Match 'did you mean fedex'
        Invoke-RealtimeTracking -TrackingNumber (New-TestTrackingNumber) -CarrierCode china-pots -ErrorVariable lone -ErrorAction SilentlyContinue
        $lone[0].ErrorDetails.RecommendedAction | Should -Match 'china-post'
    }

    It 'binds the shipment details as New-Tracking does, -Language from a lang column included' {
        $details = 'DestinationCode', 'ShipDate', 'PostalCode', 'AccountNumber', 'OrderCreateTime', 'Language'
        $create = (Get-Command New-Tracking).Parameters
        $realtime = (Get-Command Invoke-RealtimeTracking).Parameters
        foreach ($name in $details) {
            $realtime[$name].Aliases | Should -Be $create[$name].Aliases -Because $name
            $realtime[$name].ParameterType | Should -Be $create[$name].ParameterType -Because $name
            $realtime[$name].ParameterSets['__AllParameterSets'].ValueFromPipelineByPropertyName | Should -BeTrue -Because $name
        }
        Clear-EmulatorRequest $script:Emulator
        [pscustomobject]@{ tracking_number = (New-TestTrackingNumber); carrier_code = 'china-post'; lang = 'no such language' } |
            Invoke-RealtimeTracking -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $failures[0].Exception.ParameterName | Should -Be 'Language'
        @(Get-EmulatorRequest $script:Emulator '*/trackings/realtime').Count | Should -Be 0
    }

    It 'reports the same shipment asked again within two hours as rate limited' {
        Connect-TestEmulator $script:Emulator -Extra @{ MaximumRetryCount = 0 }
        try {
            $tracking = New-OwnTracking
            $tracking | Invoke-RealtimeTracking | Should -Not -BeNullOrEmpty
            $tracking | Invoke-RealtimeTracking -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.RateLimited,*'
            $failures[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        } finally {
            Connect-TestEmulator $script:Emulator
        }
    }
}

Describe 'Get-TrackingStatusCount' {
    It 'writes one object whose Total is the number of trackings' {
        $all = @(Get-Tracking -All)
        Clear-EmulatorRequest $script:Emulator
        $count = @(Get-TrackingStatusCount)
        $count.Count | Should -Be 1
        $count[0] | Should -BeOfType 'TrackingMore.Models.TrackingStatusCount'
        $count[0].Total | Should -Be $all.Count
        $c = $count[0]
        ($c.Pending + $c.NotFound + $c.Transit + $c.Pickup + $c.Delivered + $c.Undelivered + $c.Exception + $c.Expired) | Should -Be $c.Total
        (Get-EmulatorRequest $script:Emulator '*/trackings/getstatusnumber').Count | Should -Be 1
    }

    It 'sends the creation range as unix seconds' {
        $after = (Get-Date).AddDays(1)
        Clear-EmulatorRequest $script:Emulator
        (Get-TrackingStatusCount -CreatedAfter $after).Total | Should -Be 0
        $unix = [DateTimeOffset]::new($after.ToUniversalTime()).ToUnixTimeSeconds()
        (Get-EmulatorRequest $script:Emulator '*/trackings/getstatusnumber')[0].query | Should -Be "created_at_min=$unix"
    }

    It 'ends with 4001 on a bad key' {
        Connect-TestEmulator $script:Emulator -ApiKey 'wrong-key'
        try {
            { Get-TrackingStatusCount } | Should -Throw -ErrorId 'TrackingMore.Unauthorized,*'
        } finally {
            Connect-TestEmulator $script:Emulator
        }
    }
}

Describe 'Get-TrackingAccount' {
    It 'shows the account, and its quota goes down by one per tracking created' {
        $before = Get-TrackingAccount
        $before | Should -BeOfType 'TrackingMore.Models.TrackingAccount'
        $before.Email | Should -Be 'demo@example.com'
        $before.Balance | Should -Be 999
        $before.RegisteredAt | Should -BeLessThan ([DateTimeOffset]::UtcNow.AddDays(-300))
        $null = New-OwnTracking
        (Get-TrackingAccount).QuotaLeft | Should -Be ($before.QuotaLeft - 1)
    }

    It 'ends with 4001 on a bad key, naming the remedy' {
        Connect-TestEmulator $script:Emulator -ApiKey 'wrong-key'
        try {
            $thrown = $null
            try { Get-TrackingAccount } catch { $thrown = $_ }
            $thrown.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.Unauthorized,*'
            $thrown.ErrorDetails.RecommendedAction | Should -Match 'Connect-TrackingMore'
        } finally {
            Connect-TestEmulator $script:Emulator
        }
    }
}

Describe 'Test-TrackingRemoteArea' {
    It 'answers every place asked, remote or not, naming the carriers' {
        Clear-EmulatorRequest $script:Emulator
        $results = @(Test-TrackingRemoteArea -Country JP -PostalCode '762-1094', '100-0001')
        $results.Count | Should -Be 2
        $results[0] | Should -BeOfType 'TrackingMore.Models.RemoteAreaResult'
        $results[0].IsRemote | Should -BeTrue
        $results[0].RemoteCarrier | Should -Be 'dhl, ups, fedex'
        $results[0].CountryCode | Should -Be 'JP'
        $results[1].IsRemote | Should -BeFalse
        $results[1].PostalCode | Should -Be '100-0001'
        (Get-EmulatorRequest $script:Emulator '*/trackings/remote').Count | Should -Be 1
    }

    It 'takes CSV rows and a carrier, 40 places a request' {
        $csv = Join-Path $TestDrive 'places.csv'
        1..41 | ForEach-Object { [pscustomobject]@{ Country = 'United Kingdom'; postcode = "HS$_ 2AB"; company = 'UPS' } } | Export-Csv $csv -NoTypeInformation
        Clear-EmulatorRequest $script:Emulator
        $results = @(Import-Csv $csv | Test-TrackingRemoteArea)
        $results.Count | Should -Be 41
        $results.IsRemote | Sort-Object -Unique | Should -Be $true
        $results.RemoteCarrier | Sort-Object -Unique | Should -Be 'ups'
        $results.Carrier | Sort-Object -Unique | Should -Be 'ups'
        (Get-EmulatorRequest $script:Emulator '*/trackings/remote').Count | Should -Be 2
    }

    It 'reports a place the service cannot check as an error naming it' {
        $results = @(Test-TrackingRemoteArea -Country Atlantis -PostalCode 12345 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.ItemRefused,*'
        $failures[0].Exception.Message | Should -Match 'unknown country'
        $failures[0].TargetObject.Country | Should -Be 'Atlantis'
    }
}

Describe 'Get-TrackingTransitTime' {
    It 'gives one result per route with ratios as fractions' {
        Clear-EmulatorRequest $script:Emulator
        $times = @(Get-TrackingTransitTime -CarrierCode china-post -Origin cn -Destination us, DE)
        $times.Count | Should -Be 2
        $times[0] | Should -BeOfType 'TrackingMore.Models.TransitTime'
        $times.Origin | Sort-Object -Unique | Should -Be 'CN'
        $times.Destination | Should -Be @('US', 'DE')
        foreach ($time in $times) {
            $time.Samples | Should -BeGreaterThan 0
            $time.DeliveredRatio | Should -BeGreaterThan 0.5
            $time.DeliveredRatio | Should -BeLessOrEqual 1
            ($time.Within7Days + $time.Days7To15 + $time.Days16To30 + $time.Days31To60 + $time.Over60Days) | Should -BeGreaterThan 0.99
        }
        (Get-EmulatorRequest $script:Emulator '*/trackings/costtime').Count | Should -Be 1
    }

    It 'refuses a country code that is not two letters before sending' {
        Clear-EmulatorRequest $script:Emulator
        $failure = $null
        try { Get-TrackingTransitTime -CarrierCode dhl -Origin CN -Destination USA } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $failure.Exception.Message | Should -Match "parameter 'Destination'"
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }

    It 'reports an unknown carrier as 4015 for each route' {
        Get-TrackingTransitTime -CarrierCode nosuchcarrier -Origin CN -Destination US, DE -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 2
        $failures.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'TrackingMore.UnknownCarrier,*' }
        $failures[1].TargetObject.Destination | Should -Be 'DE'
    }
}

Describe 'Get-TrackingAirWaybill' {
    It 'tracks air waybills, all in one request, with their events newest first' {
        Clear-EmulatorRequest $script:Emulator
        $waybills = @('172-28891936', '160 12345678' | Get-TrackingAirWaybill)
        $waybills.Count | Should -Be 2
        $waybills[0] | Should -BeOfType 'TrackingMore.Models.AirWaybill'
        $waybills.AirWaybillNumber | Should -Be @('172-28891936', '160 12345678')
        $waybills[0].Pieces | Should -BeGreaterThan 0
        $waybills[0].Events.Count | Should -Be 7
        $waybills[0].Events[0].AirWaybillNumber | Should -Be '172-28891936'
        $planned = @($waybills[0].Events.PlanDate)
        $planned[0] | Should -BeGreaterThan $planned[-1]
        (Get-EmulatorRequest $script:Emulator '*/trackings/aircargo').Count | Should -Be 1
    }

    It 'refuses <Number> before sending, showing the expected shape' -ForEach @(
        @{ Number = '12-345' }
        @{ Number = '172-288919361' }
        @{ Number = 'RR123456789CN' }
    ) {
        Clear-EmulatorRequest $script:Emulator
        $failure = $null
        try { Get-TrackingAirWaybill -AirWaybillNumber '172-28891936', $Number } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $failure.Exception.Message | Should -Match "parameter 'AirWaybillNumber'"
        $failure.Exception.Message | Should -Match '172-28891936'
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }
}

Describe 'Get-TrackingCarrier and carrier code completion' {
    BeforeAll {
        # A new connection has no carrier list yet.
        Connect-TestEmulator $script:Emulator
    }

    It 'completes nothing, and sends nothing, before the first Get-TrackingCarrier' {
        Clear-EmulatorRequest $script:Emulator
        (TabExpansion2 'Get-Tracking -CarrierCode dh' 27).CompletionMatches | Should -BeNullOrEmpty
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }

    It 'lists the carriers with absolute homepages, fetched once per connection' {
        Clear-EmulatorRequest $script:Emulator
        $carriers = @(Get-TrackingCarrier)
        $carriers.Count | Should -BeGreaterThan 30
        $dhl = $carriers | Where-Object Code -eq 'dhl'
        $dhl | Should -BeOfType 'TrackingMore.Models.Carrier'
        $dhl.Homepage | Should -Be 'https://www.dhl.com/'
        $dhl.Picture | Should -Match '^https?://'
        $dhl.Country | Should -Be 'DE'
        @(Get-TrackingCarrier -Name 'china*').Code | Should -Contain 'china-post'
        $posts = @(Get-TrackingCarrier -Name '*POST*' -Type globalpost)
        $posts.Code | Should -Contain 'hong-kong-post'
        $posts.Type | Sort-Object -Unique | Should -Be 'globalpost'
        (Get-EmulatorRequest $script:Emulator '*/carriers').Count | Should -Be 1
        $null = Get-TrackingCarrier -Force
        (Get-EmulatorRequest $script:Emulator '*/carriers').Count | Should -Be 2
    }

    It 'reports a name without wildcards that matches nothing' {
        Get-TrackingCarrier -Name 'no-such-carrier' -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.CarrierNotFound,*'
        Get-TrackingCarrier -Name 'no-such-*' -ErrorVariable none | Should -BeNullOrEmpty
        $none.Count | Should -Be 0
    }

    It 'then completes carrier codes from the cached list, without a request' {
        Clear-EmulatorRequest $script:Emulator
        $matches = (TabExpansion2 'Get-Tracking -CarrierCode dh' 27).CompletionMatches
        $matches.CompletionText | Should -Contain 'dhl'
        ($matches | Where-Object CompletionText -eq 'dhl').ListItemText | Should -Be 'dhl - DHL'
        $matches.CompletionText | ForEach-Object { $_ | Should -BeLike 'dh*' }
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }

    It 'completes <Line>' -ForEach @(
        @{ Line = 'New-Tracking RR1 -DestinationCode royal'; Expected = 'royal-mail' }
        @{ Line = 'Update-TrackingCarrier RR1 dhl -NewCarrierCode china-e'; Expected = 'china-ems' }
        @{ Line = 'Set-Tracking RR1 -CarrierCode hong'; Expected = 'hong-kong-post' }
        @{ Line = 'Remove-Tracking RR1 -CarrierCode usp'; Expected = 'usps' }
        @{ Line = 'Get-TrackingTransitTime -CarrierCode yun'; Expected = 'yunexpress' }
    ) {
        (TabExpansion2 $Line $Line.Length).CompletionMatches.CompletionText | Should -Contain $Expected
    }
}

Describe 'Find-TrackingCarrier' {
    It 'suggests carriers whose output pipes into New-Tracking' {
        $number = New-TestTrackingNumber -Prefix 'RR' -Country 'CN'
        Clear-EmulatorRequest $script:Emulator
        $found = @(Find-TrackingCarrier $number)
        $found[0] | Should -BeOfType 'TrackingMore.Models.DetectedCarrier'
        $found[0].TrackingNumber | Should -Be $number
        $found.CarrierCode | Should -Contain 'china-post'
        (Get-EmulatorRequest $script:Emulator '*/carriers/detect').Count | Should -Be 1
        $created = $found | Select-Object -First 1 | New-Tracking
        $created.TrackingNumber | Should -Be $number
    }

    It 'reports a number it cannot place as 4032 and carries on with the next' {
        $number = New-TestTrackingNumber -Prefix 'EE' -Country 'CN'
        $found = @('QQ', $number | Find-TrackingCarrier -ErrorVariable failures -ErrorAction SilentlyContinue)
        $found.TrackingNumber | Sort-Object -Unique | Should -Be $number
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.CarrierNotDetected,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'QQ'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match '-CarrierCode'
    }

    It 'is never called by other cmdlets' {
        Clear-EmulatorRequest $script:Emulator
        $null = New-OwnTracking
        $null = Get-Tracking -First 5
        (Get-EmulatorRequest $script:Emulator '*/carriers/detect').Count | Should -Be 0
    }
}

Describe 'ConvertFrom-TrackingWebhook' {
    BeforeAll {
        $script:Email = 'demo@example.com'
        $key = ConvertTo-SecureString $script:Email -AsPlainText -Force
        $script:Key = $key
        # A tracking exactly as the API sends it, to build webhook bodies around.
        $raw = Invoke-RestMethod -NoProxy -Uri "$($script:Emulator.BaseUri)/trackings/get?limit=1" -Headers @{ 'Trackingmore-Api-Key' = $script:Emulator.ApiKey }
        $script:TrackingJson = $raw.data.items[0] | ConvertTo-Json -Depth 20 -Compress
        $script:Number = $raw.data.items[0].tracking_number

        # A fresh time: a call older than -MaximumAge (5 minutes) is refused as stale.
        function New-WebhookBody([string] $TimeStr = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds().ToString(), [string] $SignedTimeStr = $TimeStr, [string] $Email = $script:Email) {
            $hmac = [Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes($Email))
            $signature = -join ($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($SignedTimeStr)) | ForEach-Object { $_.ToString('x2') })
            '{"meta":{"code":200,"type":"Success","message":"Success"},"data":' + $script:TrackingJson +
            ',"verifyInfo":{"timeStr":"' + $TimeStr + '","signature":"' + $signature + '"}}'
        }
    }

    It 'reads a signed body into the same Tracking that Get-Tracking gives' {
        $path = Join-Path $TestDrive 'hook.json'
        New-WebhookBody | Set-Content $path -NoNewline
        $tracking = Get-Content $path -Raw | ConvertFrom-TrackingWebhook -AccountEmail $script:Key
        $tracking | Should -BeOfType 'TrackingMore.Models.Tracking'
        $tracking.TrackingNumber | Should -Be $script:Number
        $fromApi = Get-Tracking $script:Number -CarrierCode $tracking.CarrierCode
        $tracking.Id | Should -Be $fromApi.Id
        $tracking.Events.Count | Should -Be $fromApi.Events.Count
    }

    It 'refuses <Case> with <ErrorId>' -ForEach @(
        @{ Case = 'a body signed over another timeStr'; Body = { New-WebhookBody -TimeStr '1717171718' -SignedTimeStr '1717171717' }; ErrorId = 'TrackingMore.WebhookSignatureInvalid'; Pattern = 'does not match' }
        @{ Case = 'a body signed with another e-mail'; Body = { New-WebhookBody -Email 'someone@example.com' }; ErrorId = 'TrackingMore.WebhookSignatureInvalid'; Pattern = 'AccountEmail' }
        @{ Case = 'a body without verifyInfo'; Body = { '{"meta":{"code":200},"data":' + $script:TrackingJson + '}' }; ErrorId = 'TrackingMore.WebhookSignatureMissing'; Pattern = 'no signature' }
        @{ Case = 'a body that is not JSON'; Body = { '{"data": {' }; ErrorId = 'TrackingMore.WebhookBodyInvalid'; Pattern = 'not valid JSON' }
    ) {
        $output = @(& $Body | ConvertFrom-TrackingWebhook -AccountEmail $script:Key -ErrorVariable failures -ErrorAction SilentlyContinue)
        $output.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failures[0].Exception.Message | Should -Match $Pattern
    }

    It 'reads an unsigned body with -SkipSignatureCheck' {
        $tracking = '{"data":' + $script:TrackingJson + '}' | ConvertFrom-TrackingWebhook -SkipSignatureCheck
        $tracking.TrackingNumber | Should -Be $script:Number
    }

    It 'never shows the e-mail' {
        $failures = $null
        New-WebhookBody -Email 'someone@example.com' | ConvertFrom-TrackingWebhook -AccountEmail $script:Key -ErrorVariable failures -ErrorAction SilentlyContinue
        ($failures | Format-List * -Force | Out-String) | Should -Not -Match ([regex]::Escape($script:Email))
    }
}

Describe 'Progress of the bulk cmdlets' {
    BeforeAll {
        # A runspace of its own collects every progress record in its Progress stream; nothing here measures time.
        function Invoke-WithProgress([scriptblock] $Script, [hashtable] $Parameters = @{}) {
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript({
                        param($Module, $Key, $BaseUri)
                        Import-Module $Module
                        $ProgressPreference = 'Continue'
                        Connect-TrackingMore -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $BaseUri -SkipCheck -RealtimeRequestsPerSecond 0
                    }).AddParameters(@{ Module = $env:TRACKINGMORE_TEST_MODULE; Key = $script:Emulator.ApiKey; BaseUri = $script:Emulator.BaseUri })
                $null = $shell.AddScript($Script, $true).AddParameters($Parameters)
                $output = $shell.Invoke()
                [pscustomobject]@{ Output = @($output); Progress = @($shell.Streams.Progress); Errors = @($shell.Streams.Error) }
            } finally {
                $shell.Dispose()
            }
        }
    }

    It 'shows items done and the rate once New-Tracking, Set-Tracking and Remove-Tracking need more than one request, then completes' {
        $shipments = @(New-Shipment 90 'PG')
        $run = Invoke-WithProgress { param($Items) $Items | New-Tracking | Set-Tracking -Title 'p' -Confirm:$false | Remove-Tracking -Confirm:$false } @{ Items = $shipments }
        $run.Errors.Count | Should -Be 0
        foreach ($cmdlet in 'New-Tracking', 'Set-Tracking', 'Remove-Tracking') {
            $records = @($run.Progress | Where-Object Activity -eq $cmdlet)
            $running = @($records | Where-Object RecordType -eq 'Processing')
            $running.Count | Should -BeGreaterThan 0 -Because $cmdlet
            $running[-1].StatusDescription | Should -Match '^\d+ items done, [\d.]+/s$' -Because $cmdlet
            $records[-1].RecordType | Should -Be 'Completed' -Because $cmdlet
        }
        @($run.Progress | Where-Object Activity -eq 'New-Tracking' | Where-Object RecordType -eq 'Processing')[-1].StatusDescription | Should -Match '^90 items done'
    }

    It 'counts an array parameter as the known total, with percent and time left' {
        $destinations = @('US', 'DE', 'FR', 'GB', 'IT', 'ES', 'NL', 'BE', 'PL', 'SE') * 5
        $run = Invoke-WithProgress { param($To) Get-TrackingTransitTime -CarrierCode dhl -Origin CN -Destination $To } @{ To = $destinations }
        $running = @($run.Progress | Where-Object { $_.Activity -eq 'Get-TrackingTransitTime' -and $_.RecordType -eq 'Processing' })
        $running[0].StatusDescription | Should -Match '^40 of 50 items done'
        $running[0].PercentComplete | Should -Be 80
        $running[0].SecondsRemaining | Should -BeGreaterOrEqual 0
    }

    It 'shows progress from the second item of Invoke-RealtimeTracking on, and none for a single request' {
        $shipments = @(New-Shipment 3 'PR')
        $null = $shipments | New-Tracking
        $run = Invoke-WithProgress { param($Items) $Items | Invoke-RealtimeTracking } @{ Items = $shipments }
        $running = @($run.Progress | Where-Object { $_.Activity -eq 'Invoke-RealtimeTracking' -and $_.RecordType -eq 'Processing' })
        $running.StatusDescription | Should -Match '^[23] items done'
        $one = Invoke-WithProgress { param($Items) $Items | Stop-TrackingUpdate -Confirm:$false } @{ Items = $shipments }
        @($one.Progress | Where-Object Activity -eq 'Stop-TrackingUpdate').Count | Should -Be 0
    }
}

Describe 'A piped record that lacks a required column' {
    BeforeDiscovery {
        # One CSV per cmdlet family, read by the tests of missing columns and of blank cells.
        $RecordCases = @(
            @{ Cmdlet = 'New-Tracking'; Run = { $input | New-Tracking }; Tracked = $false
                Csv = "Title,CarrierCode,TrackingNumber`ngood,china-post,{0}`nno number,china-post`nneither"; Second = 'TrackingNumber'; Third = 'TrackingNumber', 'CarrierCode' }
            @{ Cmdlet = 'Set-Tracking'; Run = { $input | Set-Tracking -Title 'Checked' -Confirm:$false }; Tracked = $true
                Csv = "Title,CarrierCode,TrackingNumber`ngood,china-post,{0}`nno number,china-post`nneither"; Second = 'TrackingNumber'; Third = 'TrackingNumber', 'CarrierCode' }
            @{ Cmdlet = 'Remove-Tracking'; Run = { $input | Remove-Tracking -PassThru -Confirm:$false }; Tracked = $true
                Csv = "Title,CarrierCode,TrackingNumber`ngood,china-post,{0}`nno number,china-post`nneither"; Second = 'TrackingNumber'; Third = 'TrackingNumber', 'CarrierCode' }
            @{ Cmdlet = 'Stop-TrackingUpdate'; Run = { $input | Stop-TrackingUpdate -Confirm:$false }; Tracked = $true
                Csv = "Title,Carrier,Number`ngood,china-post,{0}`nno number,china-post`nneither"; Second = 'TrackingNumber'; Third = 'TrackingNumber', 'CarrierCode' }
            @{ Cmdlet = 'Update-TrackingCarrier'; Run = { $input | Update-TrackingCarrier -NewCarrierCode china-ems -Confirm:$false }; Tracked = $true
                Csv = "Title,carrier_code,tracking_number`ngood,china-post,{0}`nno number,china-post`nneither"; Second = 'TrackingNumber'; Third = 'TrackingNumber', 'CarrierCode' }
            @{ Cmdlet = 'Invoke-RealtimeTracking'; Run = { $input | Invoke-RealtimeTracking }; Tracked = $true
                Csv = "Title,CarrierCode,TrackingNumber`ngood,china-post,{0}`nno number,china-post`nneither"; Second = 'TrackingNumber'; Third = 'TrackingNumber', 'CarrierCode' }
            @{ Cmdlet = 'Get-Tracking'; Run = { $input | Get-Tracking }; Tracked = $true
                Csv = "Title,CarrierCode,TrackingNumber`ngood,china-post,{0}`nno number,china-post`nneither"; Second = 'TrackingNumber'; Third = , 'TrackingNumber' }
            @{ Cmdlet = 'Find-TrackingCarrier'; Run = { $input | Find-TrackingCarrier }; Tracked = $false
                Csv = "Title,TrackingNumber`ngood,{0}`nno number"; Second = 'TrackingNumber'; Third = , 'TrackingNumber' }
            @{ Cmdlet = 'Get-TrackingAirWaybill'; Run = { $input | Get-TrackingAirWaybill }; Tracked = $false; Waybill = $true
                Csv = "Note,AirWaybillNumber`ngood,{0}`nno number"; Second = 'AirWaybillNumber'; Third = , 'AirWaybillNumber' }
            @{ Cmdlet = 'Get-TrackingTransitTime'; Run = { $input | Get-TrackingTransitTime }; Tracked = $false
                Csv = "Note,CarrierCode,Origin,Destination`ngood,china-post,CN,US`nno destination,china-post,CN`nneither"; Second = 'Destination'; Third = 'CarrierCode', 'Origin', 'Destination' }
            @{ Cmdlet = 'Test-TrackingRemoteArea'; Run = { $input | Test-TrackingRemoteArea }; Tracked = $false
                Csv = "Note,Country,PostalCode`ngood,JP,100-0001`nno postal code,JP`nneither"; Second = 'PostalCode'; Third = 'Country', 'PostalCode' }
        )
    }

    BeforeAll {
        # "'TrackingNumber' (or 'tracking_number', 'Number')": a column as the error names it, with the aliases the parameter has.
        function Get-ColumnText([string] $Cmdlet, [string] $Parameter) {
            $aliases = @((Get-Command $Cmdlet -Module TrackingMore).Parameters[$Parameter].Aliases)
            "'$Parameter'" + $(if ($aliases.Count) { " (or '" + ($aliases -join "', '") + "')" })
        }

        # What a run sent, with the tracking number it was given made 'N' and the body by its size (the log keeps no
        # bodies): two runs with numbers of one length send the same items when their shapes are equal.
        function Get-RequestShape([string] $Number) {
            @(Get-EmulatorRequest $script:Emulator | ForEach-Object {
                    $escaped = [regex]::Escape($Number)
                    "$($_.method) $($_.path -replace $escaped, 'N')?$($_.query -replace $escaped, 'N') $($_.bodySize) bytes"
                })
        }

        function Invoke-Logged([scriptblock] $Run, $Rows, [string] $Number) {
            Clear-EmulatorRequest $script:Emulator
            $observed = Invoke-Observed { $Rows | & $Run }
            $observed | Add-Member -NotePropertyName Requests -NotePropertyValue (Get-RequestShape $Number) -PassThru
        }

        # What both CSV tests expect of a run of three rows, the ones at $Refused (0-based) bad: the good row's output as
        # when it ran alone, one MissingColumn error against each bad row naming its number and its columns ($Second for
        # the first, $Third for the second, each after $Words), and the same requests as the good row alone.
        function Assert-RowsRefused($Alone, $Run, $Rows, [int[]] $Refused, [string] $Words) {
            $Alone.Errors | Should -BeNullOrEmpty
            $Alone.Objects.Count | Should -BeGreaterOrEqual 1
            $Run.Objects.Count | Should -Be $Alone.Objects.Count -Because 'the good row is processed'
            $Run.Errors.Count | Should -Be 2
            foreach ($failure in $Run.Errors) {
                $failure.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.MissingColumn,*'
                $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            }
            for ($i = 0; $i -lt 2; $i++) {
                [object]::ReferenceEquals($Run.Errors[$i].TargetObject, $Rows[$Refused[$i]]) | Should -BeTrue -Because 'the error''s target is the row'
                $Run.Errors[$i].Exception.Message | Should -Match "\brow $($Refused[$i] + 1)\b"
            }
            foreach ($column in $Second) { $Run.Errors[0].Exception.Message | Should -BeLike "*$Words$(Get-ColumnText $Cmdlet $column)*" }
            foreach ($column in $Third) { $Run.Errors[1].Exception.Message | Should -BeLike "*$Words$(Get-ColumnText $Cmdlet $column)*" }
            $Run.Errors[0].Exception.Message | Should -Not -BeLike "*'$(@($Third) -ne $Second | Select-Object -First 1)'*" -Because 'the first bad row has the other columns'
            # Nothing was sent for the bad rows, and no row's text went as a value.
            $Run.Requests | Should -Be $Alone.Requests
        }
    }

    # Each CSV has a good row (2), a row without the first column's cell (3) and a row without any required one (4, a
    # line with one cell): Import-Csv gives a short line's missing cells as $null, reported as empty cells; the
    # single-column cmdlets' row 4 is an object without the property. {0} is the tracking number. Second is the
    # column row 3 lacks, Third every required one.
    It '<Cmdlet>: writes the good row''s output and one TrackingMore.MissingColumn error per bad row, sending nothing for them' -ForEach $RecordCases {
        # Two numbers of one length: one for the good row alone, one for the CSV.
        $numbers = if ($Waybill) { '172-28891936', '160-12345678' } else { @(New-Shipment 2 'MC').TrackingNumber }
        if ($Tracked) { $null = $numbers | ForEach-Object { New-Tracking -TrackingNumber $_ -CarrierCode china-post } }
        $csvPath = Join-Path $TestDrive "$Cmdlet.csv"
        ($Csv -f $numbers[0]) | Set-Content $csvPath
        $alone = Invoke-Logged $Run @(Import-Csv $csvPath)[0] $numbers[0]
        ($Csv -f $numbers[1]) | Set-Content $csvPath
        $rows = @(Import-Csv $csvPath)
        if ($rows.Count -eq 2) { $rows += [pscustomobject]@{ Note = 'neither' } }  # the single-column cmdlets' third row: a property, not a cell, missing
        $run = Invoke-Logged $Run $rows $numbers[1]

        Assert-RowsRefused $alone $run $rows 1, 2 ''
        $run.Requests | Should -Not -BeLike '*%40%7B*'
    }

    # The same CSVs with blank cells, as a spreadsheet writes them: row 1 has white space in the column Second, row 2
    # is the good row, row 3 has nothing in every required column (Third), which Import-Csv gives as "" and, for the
    # last cell of a line, as $null. Row 3 comes after a good row, so the rows refused count in its number.
    It '<Cmdlet>: reports a blank cell in a required column as TrackingMore.MissingColumn naming the row and the column, sending nothing for it' -ForEach $RecordCases {
        # The good row with the cells of the parameters' columns (by name or alias) made $Cell.
        function Format-BlankRow([string[]] $Header, [string[]] $Good, [string[]] $Parameters, [string] $Cell) {
            $names = foreach ($parameter in $Parameters) { $parameter; (Get-Command $Cmdlet -Module TrackingMore).Parameters[$parameter].Aliases }
            @(for ($i = 0; $i -lt $Header.Count; $i++) { if ($Header[$i] -in $names) { $Cell } else { $Good[$i] } }) -join ','
        }

        $numbers = if ($Waybill) { '172-28891936', '160-12345678' } else { @(New-Shipment 2 'MB').TrackingNumber }
        if ($Tracked) { $null = $numbers | ForEach-Object { New-Tracking -TrackingNumber $_ -CarrierCode china-post } }
        $lines = $Csv -split "`n"
        $header = $lines[0] -split ','
        $good = $lines[1] -split ','
        $blankCsv = $lines[0], (Format-BlankRow $header $good $Second '"  "'), $lines[1], (Format-BlankRow $header $good $Third '') -join "`n"
        $alone = Invoke-Logged $Run @(($lines[0], $lines[1] -join "`n") -f $numbers[0] | ConvertFrom-Csv) $numbers[0]
        $csvPath = Join-Path $TestDrive "$Cmdlet-blank.csv"
        ($blankCsv -f $numbers[1]) | Set-Content $csvPath
        $rows = @(Import-Csv $csvPath)
        $run = Invoke-Logged $Run $rows $numbers[1]

        Assert-RowsRefused $alone $run $rows 0, 2 'empty*'
        $run.Errors[0].Exception.Message | Should -Not -BeLike '*lacks*' -Because 'row 1 has the column, with an empty cell'
    }

    It '<Cmdlet> sends no request for rows of a CSV without the number column (not the row''s text as a number)' -ForEach @(
        @{ Cmdlet = 'Find-TrackingCarrier'; Run = { $input | Find-TrackingCarrier } }
        @{ Cmdlet = 'Get-Tracking'; Run = { $input | Get-Tracking } }
        @{ Cmdlet = 'Get-TrackingAirWaybill'; Run = { $input | Get-TrackingAirWaybill } }
    ) {
        $rows = @("Carrier`nchina-post`nups" | ConvertFrom-Csv)
        Clear-EmulatorRequest $script:Emulator
        $run = Invoke-Observed { $rows | & $Run }
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
        $run.Objects | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 2
        $run.Errors.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.MissingColumn,*'
        $run.Errors[1].Exception.Message | Should -Match '\brow 2\b'
    }

    It 'counts every piped object, $null ones too, and names a non-row input object' {
        $number = New-TestTrackingNumber -Prefix 'MN'
        $good = [pscustomobject]@{ TrackingNumber = $number; CarrierCode = 'china-post' }
        $run = Invoke-Observed { $good, $null, 'RR123456785CN', [pscustomobject]@{ CarrierCode = 'china-post' } | New-Tracking }
        $run.Objects.TrackingNumber | Should -Be $number
        $run.Errors.Count | Should -Be 3
        $run.Errors.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.MissingColumn,*'
        $run.Errors[0].Exception.Message | Should -Match '\binput object 2\b'
        $run.Errors[1].Exception.Message | Should -Match '\binput object 3\b'
        $run.Errors[1].TargetObject | Should -Be 'RR123456785CN'
        $run.Errors[2].Exception.Message | Should -Match '\brow 4\b'
        $run.Errors[2].Exception.Message | Should -BeLike "*$(Get-ColumnText New-Tracking TrackingNumber)*"
        $run.Errors[2].Exception.Message | Should -Not -BeLike "*'CarrierCode'*"
    }

    It 'takes a value given on the command line for every row that lacks its column' {
        $tracking = New-Tracking -TrackingNumber (New-TestTrackingNumber -Prefix 'MC') -CarrierCode china-post
        $run = Invoke-Observed { "TrackingNumber`n$($tracking.TrackingNumber)" | ConvertFrom-Csv | Set-Tracking -CarrierCode china-post -Title 'One carrier' -Confirm:$false }
        $run.Errors | Should -BeNullOrEmpty
        $run.Objects.Title | Should -Be 'One carrier'
    }

    It 'still refuses a bad value in a column with the parameter''s own check, and goes on' {
        $number = New-TestTrackingNumber -Prefix 'MV'
        $run = Invoke-Observed { "TrackingNumber,CarrierCode`nRR 1,china-post`n,china-post`n$number,china-post`nRR123456785CN" | ConvertFrom-Csv | New-Tracking }
        $run.Objects.TrackingNumber | Should -Be $number
        $run.Errors.Count | Should -Be 3
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        # An empty cell is the record's (it names the row), a bad value the parameter's own check.
        $run.Errors[1].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.MissingColumn,*'
        $run.Errors[1].Exception.Message | Should -Match '\brow 2\b'
        # The rows refused by their check count too.
        $run.Errors[2].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.MissingColumn,*'
        $run.Errors[2].Exception.Message | Should -Match '\brow 4\b'
    }

    # As before [RequiredPerRecord] made a blank value null: the parameter's own check refuses it, by the parameter's name.
    It '<Cmdlet> given an empty -<Parameter> on the command line fails with ParameterArgumentValidationError naming it, sending nothing' -ForEach @(
        @{ Cmdlet = 'New-Tracking'; Parameter = 'TrackingNumber'; Call = { New-Tracking -TrackingNumber '' -CarrierCode usps } }
        @{ Cmdlet = 'Set-Tracking'; Parameter = 'CarrierCode'; Call = { Set-Tracking -TrackingNumber RR123456785CN -CarrierCode ' ' -Title x -Confirm:$false } }
        @{ Cmdlet = 'Set-Tracking'; Parameter = 'CarrierCode'
            Call = { [pscustomobject]@{ TrackingNumber = 'RR123456785CN'; CarrierCode = 'china-post' } | Set-Tracking -CarrierCode '' -Title x -Confirm:$false } }
        @{ Cmdlet = 'Remove-Tracking'; Parameter = 'TrackingNumber'; Call = { Remove-Tracking -TrackingNumber '' -CarrierCode china-post -Confirm:$false } }
        @{ Cmdlet = 'Stop-TrackingUpdate'; Parameter = 'TrackingNumber'; Call = { Stop-TrackingUpdate -TrackingNumber '  ' -CarrierCode china-post -Confirm:$false } }
        @{ Cmdlet = 'Update-TrackingCarrier'; Parameter = 'CarrierCode'; Call = { Update-TrackingCarrier RR123456785CN -CarrierCode '' -NewCarrierCode dhl -Confirm:$false } }
        @{ Cmdlet = 'Invoke-RealtimeTracking'; Parameter = 'TrackingNumber'; Call = { Invoke-RealtimeTracking -TrackingNumber '' -CarrierCode china-post } }
        @{ Cmdlet = 'Get-Tracking'; Parameter = 'TrackingNumber'; Call = { Get-Tracking -TrackingNumber '' } }
        @{ Cmdlet = 'Find-TrackingCarrier'; Parameter = 'TrackingNumber'; Call = { Find-TrackingCarrier -TrackingNumber ' ' } }
        @{ Cmdlet = 'Get-TrackingAirWaybill'; Parameter = 'AirWaybillNumber'; Call = { Get-TrackingAirWaybill '' } }
        @{ Cmdlet = 'Get-TrackingTransitTime'; Parameter = 'Origin'; Call = { Get-TrackingTransitTime -CarrierCode dhl -Origin '' -Destination US } }
        @{ Cmdlet = 'Test-TrackingRemoteArea'; Parameter = 'Country'; Call = { Test-TrackingRemoteArea -Country ' ' -PostalCode 100-0001 } }
    ) {
        Clear-EmulatorRequest $script:Emulator
        $failure = $null
        try { & $Call } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty -Because 'the command ends before any record'
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $failure.Exception | Should -BeOfType System.Management.Automation.ParameterBindingException
        $failure.Exception.Message | Should -BeLike "Cannot validate argument on parameter '$Parameter'. *"
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }

    It '<Cmdlet> called without -<Parameter> and no pipeline fails with TrackingMore.MissingParameter naming it, sending nothing' -ForEach @(
        @{ Cmdlet = 'New-Tracking'; Parameter = 'TrackingNumber'; Call = { New-Tracking -CarrierCode china-post } }
        @{ Cmdlet = 'Set-Tracking'; Parameter = 'CarrierCode'; Call = { Set-Tracking -TrackingNumber RR123456785CN -Title x -Confirm:$false } }
        @{ Cmdlet = 'Remove-Tracking'; Parameter = 'TrackingNumber'; Call = { Remove-Tracking -CarrierCode china-post -Confirm:$false } }
        @{ Cmdlet = 'Stop-TrackingUpdate'; Parameter = 'TrackingNumber'; Call = { Stop-TrackingUpdate -CarrierCode china-post -Confirm:$false } }
        @{ Cmdlet = 'Update-TrackingCarrier'; Parameter = 'CarrierCode'; Call = { Update-TrackingCarrier RR123456785CN -NewCarrierCode dhl -Confirm:$false } }
        @{ Cmdlet = 'Invoke-RealtimeTracking'; Parameter = 'CarrierCode'; Call = { Invoke-RealtimeTracking RR123456785CN } }
        @{ Cmdlet = 'Get-Tracking'; Parameter = 'TrackingNumber'; Call = { Get-Tracking -CarrierCode china-post } }
        @{ Cmdlet = 'Find-TrackingCarrier'; Parameter = 'TrackingNumber'; Call = { Find-TrackingCarrier } }
        @{ Cmdlet = 'Get-TrackingAirWaybill'; Parameter = 'AirWaybillNumber'; Call = { Get-TrackingAirWaybill -Language en } }
        @{ Cmdlet = 'Get-TrackingTransitTime'; Parameter = 'Destination'; Call = { Get-TrackingTransitTime -CarrierCode dhl -Origin CN } }
        @{ Cmdlet = 'Test-TrackingRemoteArea'; Parameter = 'PostalCode'; Call = { Test-TrackingRemoteArea -Country JP } }
    ) {
        Clear-EmulatorRequest $script:Emulator
        $failure = $null
        try { & $Call } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.MissingParameter,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -BeLike "*-$Parameter*"
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }
}
