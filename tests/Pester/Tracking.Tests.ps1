# The walking skeleton end to end: the built module in this pwsh, the emulator as its own process.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '60', '--list-interval-ms', '0'
    $script:Unpaced = @{ ListRequestsPerSecond = 0 }
    Connect-TestEmulator $script:Emulator -Extra $script:Unpaced
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe 'Connect-TrackingMore' {
    It 'shows the connection with the key masked' {
        $connection = Get-TrackingMoreConnection
        $connection.BaseUri.AbsoluteUri | Should -Be "$($script:Emulator.BaseUri)/"
        $connection.ApiKey | Should -Be '****cdef'
        ($connection | Format-List | Out-String) | Should -Not -Match ([regex]::Escape($script:Emulator.ApiKey))
    }

    It 'refuses plain http to another host before sending anything' {
        { Connect-TrackingMore -ApiKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri 'http://example.com/v2' } |
            Should -Throw -ErrorId 'TrackingMore.InvalidBaseUri,TrackingMore.Commands.ConnectTrackingMoreCommand'
        (Get-TrackingMoreConnection).BaseUri.AbsoluteUri | Should -Be "$($script:Emulator.BaseUri)/"
    }

    It 'ends the command with one terminating error naming a bad key' {
        Connect-TestEmulator $script:Emulator -ApiKey 'wrong-key'
        try {
            $errors = @()
            $thrown = $null
            try { Get-Tracking -ErrorVariable errors -ErrorAction Continue } catch { $thrown = $_ }
            $thrown | Should -Not -BeNullOrEmpty
            $thrown.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.Unauthorized,*'
            $thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $thrown.Exception.Message | Should -Match 'Invalid API key'
            $thrown.ErrorDetails.RecommendedAction | Should -Match 'Connect-TrackingMore'
            $errors.Count | Should -Be 1
        } finally {
            Connect-TestEmulator $script:Emulator -Extra $script:Unpaced
        }
    }
}

Describe 'New-Tracking' {
    BeforeAll {
        Clear-EmulatorRequest $script:Emulator
        $script:Numbers = 1..95 | ForEach-Object { New-TestTrackingNumber -Prefix 'CS' }
        $csv = Join-Path $TestDrive 'shipments.csv'
        $script:Numbers | ForEach-Object -Begin { $i = 0 } -Process {
            $i++
            [pscustomobject]@{ TrackingNumber = $_; CarrierCode = 'china-post'; Title = "Order $i"; CustomerName = "Customer $i"; OrderId = "PT-$i"; ShipDate = ''; DestinationCode = '' }
        } | Export-Csv $csv -NoTypeInformation
        $script:Created = @(Import-Csv $csv | New-Tracking)
    }

    It 'creates 95 trackings from a CSV in 3 batch requests' {
        $script:Created.Count | Should -Be 95
        $script:Created[0] | Should -BeOfType 'TrackingMore.Models.Tracking'
        ($script:Created.TrackingNumber | Sort-Object) | Should -Be ($script:Numbers | Sort-Object)
        $batches = Get-EmulatorRequest $script:Emulator '*/trackings/batch'
        $batches.Count | Should -Be 3
        $batches.method | Sort-Object -Unique | Should -Be 'POST'
        (Get-EmulatorRequest $script:Emulator '*/trackings/post').Count | Should -Be 0
    }

    It 'sends the CSV columns as the API fields' {
        $one = Get-Tracking -TrackingNumber $script:Numbers[4] -CarrierCode china-post
        $one.Title | Should -Be 'Order 5'
        $one.CustomerName | Should -Be 'Customer 5'
        $one.OrderId | Should -Be 'PT-5'
    }

    It 'takes CSV columns named like the API fields (snake_case)' {
        $number = New-TestTrackingNumber -Prefix 'SN'
        $row = "tracking_number,carrier_code,customer_email,order_id`n$number,CHINA-POST,snake@example.com,SN-1" | ConvertFrom-Csv
        $created = $row | New-Tracking
        $created.TrackingNumber | Should -Be $number
        $created.CarrierCode | Should -Be 'china-post'
        (Get-Tracking $number -CarrierCode china-post).CustomerEmail | Should -Be 'snake@example.com'
    }

    It 'sends one item with one POST /trackings/post' {
        Clear-EmulatorRequest $script:Emulator
        $number = New-TestTrackingNumber -Prefix 'ON'
        (New-Tracking -TrackingNumber $number -CarrierCode china-post).TrackingNumber | Should -Be $number
        (Get-EmulatorRequest $script:Emulator '*/trackings/post').Count | Should -Be 1
        (Get-EmulatorRequest $script:Emulator '*/trackings/batch').Count | Should -Be 0
    }

    It 'reports a duplicate as a non-terminating error naming the item and carries on' {
        $fresh = New-TestTrackingNumber -Prefix 'DU'
        $result = @(
            [pscustomobject]@{ TrackingNumber = $script:Numbers[0]; CarrierCode = 'china-post' }
            [pscustomobject]@{ TrackingNumber = $fresh; CarrierCode = 'china-post' }
        ) | New-Tracking -ErrorVariable failures -ErrorAction SilentlyContinue
        @($result).TrackingNumber | Should -Be $fresh
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.AlreadyExists,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[0].TargetObject.TrackingNumber | Should -Be $script:Numbers[0]
        $failures[0].Exception.Message | Should -Match ([regex]::Escape($script:Numbers[0]))
    }

    It 'sends nothing under -WhatIf' {
        Clear-EmulatorRequest $script:Emulator
        New-Tracking -TrackingNumber (New-TestTrackingNumber) -CarrierCode china-post -WhatIf
        1..3 | ForEach-Object { [pscustomobject]@{ TrackingNumber = New-TestTrackingNumber; CarrierCode = 'china-post' } } | New-Tracking -WhatIf
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }
}

Describe 'Get-Tracking' {
    It 'lists one page of 100 by default and pages with -Page/-PageSize' {
        Clear-EmulatorRequest $script:Emulator
        $all = @(Get-Tracking -All)
        $all.Count | Should -BeGreaterThan 150
        @(Get-Tracking).Count | Should -Be 100
        $second = @(Get-Tracking -Page 2 -PageSize 50)
        $second.Count | Should -Be 50
        $second[0].Id | Should -Be $all[50].Id
        (Get-EmulatorRequest $script:Emulator '*/trackings/get' | Select-Object -Last 1).query | Should -Match 'limit=50' 
    }

    It 'filters by status' {
        $delivered = @(Get-Tracking -Status Delivered -All)
        $delivered.Count | Should -BeGreaterThan 0
        $delivered.Status | Sort-Object -Unique | Should -Be 'Delivered'
    }

    It 'refuses -Status Unknown naming -Status, before any request, and does not offer it on Tab' {
        Clear-EmulatorRequest $script:Emulator
        { Get-Tracking -Status Unknown -All } | Should -Throw -ErrorId 'ParameterArgumentValidationError,TrackingMore.Commands.GetTrackingCommand'
        try { Get-Tracking -Status Transit, Unknown } catch { $refusal = $_ }
        $refusal.Exception.Message | Should -Match "parameter 'Status'"
        $refusal.Exception.Message | Should -Match 'would match every tracking'
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
        $offered = (TabExpansion2 'Get-Tracking -Status ' 'Get-Tracking -Status '.Length).CompletionMatches.CompletionText
        $offered | Should -Contain 'Transit'
        $offered | Should -Not -Contain 'Unknown'
        (TabExpansion2 'Get-Tracking -Status Unk' 'Get-Tracking -Status Unk'.Length).CompletionMatches.CompletionText | Should -Not -Contain 'Unknown'
    }

    It 'lists several statuses, one listing each in the order given, with -First and -Skip across them' {
        $counts = Get-TrackingStatusCount
        $exception = @(Get-Tracking -Status Exception -All)
        $undelivered = @(Get-Tracking -Status Undelivered -All)
        $exception.Count | Should -Be $counts.Exception
        $undelivered.Count | Should -Be $counts.Undelivered
        ($exception.Count + $undelivered.Count) | Should -BeGreaterThan 1
        Clear-EmulatorRequest $script:Emulator
        $both = @(Get-Tracking -Status Exception, Undelivered -All)
        $both.Id | Should -Be @($exception.Id + $undelivered.Id)
        $queries = @(Get-EmulatorRequest $script:Emulator '*/trackings/get').query
        $queries[0] | Should -Match 'status=exception'
        $queries[-1] | Should -Match 'status=undelivered'
        # -Skip and -First count across the statuses as one list.
        $skip = [Math]::Max(0, $exception.Count - 1)
        @(Get-Tracking -Status Exception, Undelivered -Skip $skip -First 2).Id | Should -Be @($both.Id | Select-Object -Skip $skip -First 2)
        @(Get-Tracking -Status Exception, Undelivered -Skip ($exception.Count + 1)).Id | Should -Be @($undelivered.Id | Select-Object -Skip 1)
    }

    It 'filters by creation time, as unix seconds on the wire' {
        $cutoff = (Get-Date).AddDays(-30)
        $recent = @(Get-Tracking -CreatedAfter $cutoff -All)
        $recent.Count | Should -BeGreaterThan 0
        $recent | ForEach-Object { $_.CreatedAt.UtcDateTime | Should -BeGreaterOrEqual $cutoff.ToUniversalTime().AddSeconds(-1) }
        $unix = [DateTimeOffset]::new($cutoff.ToUniversalTime()).ToUnixTimeSeconds()
        (Get-EmulatorRequest $script:Emulator '*/trackings/get' | Select-Object -Last 1).query | Should -Match "created_at_min=$unix"
    }

    It 'filters by order id' {
        $found = @(Get-Tracking -OrderId 'PT-7', 'PT-8')
        ($found.OrderId | Sort-Object) | Should -Be @('PT-7', 'PT-8')
    }

    It 'gets one tracking by number and carrier, and by number alone' {
        $number = $script:Numbers[10]
        $byPair = Get-Tracking -TrackingNumber $number -CarrierCode china-post
        $byPair.TrackingNumber | Should -Be $number
        $byNumber = Get-Tracking $number
        $byNumber.Id | Should -Be $byPair.Id
    }

    It 'reports an unknown number as a not-found error and still returns the others' {
        $result = Get-Tracking -TrackingNumber $script:Numbers[11], 'NOSUCH000000' -ErrorVariable failures -ErrorAction SilentlyContinue
        @($result).TrackingNumber | Should -Be $script:Numbers[11]
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.NotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'NOSUCH000000'
    }

    It 'reports an unknown number with a carrier as 4017' {
        Get-Tracking -TrackingNumber 'NOSUCH000001' -CarrierCode dhl -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.NotFound,*'
    }

    It 'refreshes objects piped from an earlier Get-Tracking' {
        $refreshed = @(Get-Tracking -First 3 | Get-Tracking)
        $refreshed.Count | Should -Be 3
    }
}

Describe 'Bad input never reaches the wire' {
    BeforeEach { Clear-EmulatorRequest $script:Emulator }
    AfterEach { @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0 }

    It 'rejects <Case>' -ForEach @(
        @{ Case = 'an empty tracking number'; Command = { New-Tracking -TrackingNumber '' -CarrierCode dhl }; Parameter = 'TrackingNumber' }
        @{ Case = 'a white-space tracking number'; Command = { Get-Tracking -TrackingNumber '   ' }; Parameter = 'TrackingNumber' }
        @{ Case = 'a carrier code with spaces'; Command = { New-Tracking -TrackingNumber 'RR1' -CarrierCode 'china post' }; Parameter = 'CarrierCode' }
        @{ Case = 'more than 40 order ids'; Command = { Get-Tracking -OrderId (1..41 | ForEach-Object { "SO-$_" }) }; Parameter = 'OrderId' }
        @{ Case = 'page size 0'; Command = { Get-Tracking -PageSize 0 }; Parameter = 'PageSize' }
        @{ Case = 'page size 2001'; Command = { Get-Tracking -PageSize 2001 }; Parameter = 'PageSize' }
        @{ Case = 'a tracking number to remove that is empty'; Command = { Remove-Tracking -TrackingNumber '' -CarrierCode dhl -Confirm:$false }; Parameter = 'TrackingNumber' }
        @{ Case = 'a 200-character tracking number'; Command = { New-Tracking -TrackingNumber ('9' * 200) -CarrierCode dhl }; Parameter = 'TrackingNumber' }
        @{ Case = 'a tracking number with a control character'; Command = { Get-Tracking -TrackingNumber "RR123`t456CN" -CarrierCode china-post }; Parameter = 'TrackingNumber' }
        @{ Case = 'a tracking number with a line break'; Command = { Remove-Tracking -TrackingNumber "RR123`n456CN" -CarrierCode china-post -Confirm:$false }; Parameter = 'TrackingNumber' }
        @{ Case = 'a carrier code with punctuation'; Command = { Get-Tracking -TrackingNumber 'RR1' -CarrierCode 'dhl!' }; Parameter = 'CarrierCode' }
        @{ Case = 'a carrier code with a slash'; Command = { New-Tracking -TrackingNumber 'RR1' -CarrierCode 'dhl/../x' }; Parameter = 'CarrierCode' }
        @{ Case = 'a date before 1970'; Command = { Get-Tracking -CreatedAfter ([datetime]'1969-12-31') }; Parameter = 'CreatedAfter' }
        @{ Case = 'a date after 2100'; Command = { Get-Tracking -UpdatedBefore ([datetime]'2100-01-02') }; Parameter = 'UpdatedBefore' }
        @{ Case = 'an order time before 1970'; Command = { New-Tracking -TrackingNumber 'RR1' -CarrierCode dhl -OrderCreateTime ([datetime]'1900-01-01') }; Parameter = 'OrderCreateTime' }
    ) {
        $failure = $null
        try { & $Command } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $failure.Exception.Message | Should -Match "parameter '$Parameter'"
    }
}

Describe 'Input the cmdlets fix or split rather than refuse' {
    It 'lowers an upper-case carrier code' {
        $number = New-TestTrackingNumber -Prefix 'UC'
        (New-Tracking -TrackingNumber $number -CarrierCode ' China-Post ').CarrierCode | Should -Be 'china-post'
    }

    It 'splits more than 40 numbers into requests of 40' {
        Clear-EmulatorRequest $script:Emulator
        $found = @(Get-Tracking -TrackingNumber $script:Numbers[50..94])
        $found.Count | Should -Be 45
        $requests = @(Get-EmulatorRequest $script:Emulator | Where-Object { $_.path -like '*/trackings/get' })
        $requests.Count | Should -Be 2
        $requests | ForEach-Object { ([uri]::UnescapeDataString(($_.query -replace '.*numbers=([^&]*).*', '$1')) -split ',').Count | Should -BeLessOrEqual 40 }
    }
}

Describe 'Base URIs that would leak the key are refused' {
    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a query'; Uri = 'https://api.example.test/v2?debug=1' }
        @{ Case = 'a fragment'; Uri = 'https://api.example.test/v2#x' }
        @{ Case = 'plain http to another host'; Uri = 'http://api.example.test/v2' }
        @{ Case = 'user information'; Uri = 'https://user:secret@api.example.test/v2' }
        @{ Case = 'a relative URI'; Uri = 'v2/trackings' }
    ) {
        $failure = $null
        try { Connect-TrackingMore -ApiKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri $Uri } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.InvalidBaseUri,*'
        $failure.Exception.Message | Should -Match 'BaseUri'
        (Get-TrackingMoreConnection).BaseUri.AbsoluteUri | Should -Be "$($script:Emulator.BaseUri)/"
    }

    It 'allows plain http to another host with -AllowInsecureHttp' {
        try {
            Connect-TrackingMore -ApiKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri 'http://api.example.test/v2' -AllowInsecureHttp -SkipCheck
            (Get-TrackingMoreConnection).BaseUri.Host | Should -Be 'api.example.test'
        } finally {
            Connect-TestEmulator $script:Emulator -Extra $script:Unpaced
        }
    }
}

Describe 'Tracking numbers with URL characters' {
    It 'escapes <Number> in the path and round-trips it' -ForEach @(
        @{ Number = 'AB/12?34' }
        @{ Number = 'CD#56%78' }
        @{ Number = 'EF90+1/%2F' }
    ) {
        $created = New-Tracking -TrackingNumber $Number -CarrierCode dhl
        $created.TrackingNumber | Should -Be $Number
        (Get-Tracking -TrackingNumber $Number -CarrierCode dhl).TrackingNumber | Should -Be $Number
        Remove-Tracking -TrackingNumber $Number -CarrierCode dhl -Confirm:$false
        Get-Tracking -TrackingNumber $Number -CarrierCode dhl -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.NotFound,*'
    }
}

Describe 'Remove-Tracking' {
    It 'sends nothing under -WhatIf' {
        Clear-EmulatorRequest $script:Emulator
        Get-Tracking -TrackingNumber $script:Numbers[20] -CarrierCode china-post | Remove-Tracking -WhatIf
        @(Get-EmulatorRequest $script:Emulator '*/trackings/delete').Count + @(Get-EmulatorRequest $script:Emulator | Where-Object method -eq 'DELETE').Count | Should -Be 0
        Get-Tracking -TrackingNumber $script:Numbers[20] -CarrierCode china-post | Should -Not -BeNullOrEmpty
    }

    It 'removes trackings piped from Get-Tracking with one bulk request' {
        Clear-EmulatorRequest $script:Emulator
        $doomed = $script:Numbers[30..34]
        $removed = @(Get-Tracking -TrackingNumber $doomed | Remove-Tracking -Confirm:$false -PassThru)
        $removed.TrackingNumber | Sort-Object | Should -Be ($doomed | Sort-Object)
        (Get-EmulatorRequest $script:Emulator '*/trackings/delete').Count | Should -Be 1
        Get-Tracking -TrackingNumber $doomed -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures.Count | Should -Be 5
    }

    It 'removes a single tracking with one DELETE' {
        Clear-EmulatorRequest $script:Emulator
        Remove-Tracking -TrackingNumber $script:Numbers[40] -CarrierCode china-post -Confirm:$false
        @(Get-EmulatorRequest $script:Emulator | Where-Object method -eq 'DELETE').Count | Should -Be 1
    }

    It 'reports an unknown tracking in a bulk removal against that item' {
        $items = @(
            [pscustomobject]@{ TrackingNumber = $script:Numbers[41]; CarrierCode = 'china-post' }
            [pscustomobject]@{ TrackingNumber = 'NOSUCH000002'; CarrierCode = 'china-post' }
        )
        $removed = @($items | Remove-Tracking -Confirm:$false -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)
        $removed.TrackingNumber | Should -Be $script:Numbers[41]
        $failures.Count | Should -Be 1
        $failures[0].TargetObject.TrackingNumber | Should -Be 'NOSUCH000002'
        $failures[0].ErrorDetails.RecommendedAction | Should -Not -Match 'New-Tracking'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'removed already'
    }

    It 'does not advise creating a missing tracking it was asked to remove, alone either' {
        Remove-Tracking -TrackingNumber 'NOSUCH000003' -CarrierCode china-post -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.NotFound,*'
        $failures[0].ErrorDetails.RecommendedAction | Should -Not -Match 'New-Tracking'
        # A look-up of a missing tracking still says how to create it.
        Get-Tracking -TrackingNumber 'NOSUCH000003' -CarrierCode china-post -ErrorVariable lookup -ErrorAction SilentlyContinue
        $lookup[0].ErrorDetails.RecommendedAction | Should -Match 'New-Tracking'
        # Found by number alone: the message names the number and says nothing of an empty numbers= filter.
        Get-Tracking -TrackingNumber 'NOSUCH000003' -ErrorVariable byNumber -ErrorAction SilentlyContinue
        $byNumber[0].ToString() | Should -Match 'NOSUCH000003'
        $byNumber[0].ToString() | Should -Not -Match 'numbers=\)'
    }
}
