# -Connection: two accounts (two emulators with their own keys) in one session, each cmdlet told which to use,
# without reconnecting and without changing the session's current connection.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    $script:First = Start-TestEmulator -ApiKey 'first-account-0123456789abcd' -ArgumentList '--seed', '71', '--list-interval-ms', '0'
    $script:Second = Start-TestEmulator -ApiKey 'second-account-0123456789ab' -ArgumentList '--seed', '72', '--list-interval-ms', '0'
    $unpaced = @{ ListRequestsPerSecond = 0; PassThru = $true }
    $script:ToFirst = Connect-TestEmulator $script:First -Extra $unpaced
    $script:ToSecond = Connect-TestEmulator $script:Second -Extra $unpaced
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:First
    Stop-TrackingMoreEmulator $script:Second
}

Describe 'Connect-TrackingMore -PassThru and -Connection' {
    BeforeEach {
        Clear-EmulatorRequest $script:First
        Clear-EmulatorRequest $script:Second
    }

    It 'returns the connection as a model with the key masked' {
        $script:ToFirst | Should -BeOfType 'TrackingMore.Models.TrackingMoreConnection'
        $script:ToFirst.ApiKey | Should -Be '****abcd'
        $script:ToFirst.BaseUri.AbsoluteUri | Should -Be "$($script:First.BaseUri)/"
        ($script:ToFirst | Format-List * | Out-String) | Should -Not -Match 'first-account'
    }

    It 'speaks API V2 unless told otherwise, and shows the version and its capabilities' {
        $script:ToFirst.ApiVersion | Should -Be ([TrackingMore.Api.ApiVersion]::V2)
        $script:ToFirst.Capabilities.BatchSize | Should -Be 40
        $script:ToFirst.Capabilities.MaxPageSize | Should -Be 2000
        $script:ToFirst.Capabilities.Operations | Should -Contain ([TrackingMore.Api.ApiOperation]::ListTrackings)
        ($script:ToFirst | Out-String) | Should -Match 'ApiVersion\s+:\s+V2'
        (Get-Command Connect-TrackingMore).Parameters['ApiVersion'].ParameterType | Should -Be ([TrackingMore.Api.ApiVersion])

        $explicit = Connect-TestEmulator $script:First -Extra @{ ApiVersion = 'V2'; PassThru = $true; ListRequestsPerSecond = 0 }
        try {
            $explicit.ApiVersion | Should -Be 'V2'
            (Get-TrackingMoreConnection).ApiVersion | Should -Be 'V2'
            @(Get-Tracking -Page 1 -PageSize 5 -Connection $explicit).Count | Should -BeGreaterThan 0
            @(Get-EmulatorRequest $script:First '*/v2/trackings/get').Count | Should -Be 1
        }
        finally {
            # The suite's current connection is the second account's, as its set-up left it.
            Connect-TestEmulator $script:Second -Extra @{ ListRequestsPerSecond = 0 } | Out-Null
        }
        $key = ConvertTo-SecureString 'any-key-0123456789' -AsPlainText -Force
        { Connect-TrackingMore -ApiKey $key -BaseUri $script:First.BaseUri -ApiVersion V9 -SkipCheck } |
            Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,TrackingMore.Commands.ConnectTrackingMoreCommand'
    }

    It 'is on every cmdlet that calls the API, typed as the connection' {
        $calling = Get-Command -Module TrackingMore -CommandType Cmdlet |
            Where-Object Name -NotIn 'Connect-TrackingMore', 'Disconnect-TrackingMore', 'Get-TrackingMoreConnection', 'ConvertTo-TrackingCsvSafe'
        $calling.Count | Should -BeGreaterThan 10
        foreach ($command in $calling) {
            $command.Parameters['Connection'].ParameterType.FullName | Should -Be 'TrackingMore.Models.TrackingMoreConnection' -Because $command.Name
        }
    }

    It 'sends to the connection given, leaving the current connection as it was' {
        $listed = @(Get-Tracking -Connection $script:ToFirst -PageSize 3)
        $listed.Count | Should -Be 3
        @(Get-EmulatorRequest $script:First '*/trackings/get').Count | Should -Be 1
        @(Get-EmulatorRequest $script:Second).Count | Should -Be 0
        (Get-TrackingMoreConnection).BaseUri.AbsoluteUri | Should -Be "$($script:Second.BaseUri)/"
    }

    It 'uses the current connection when none is given' {
        $null = Get-TrackingAccount
        @(Get-EmulatorRequest $script:Second '*/trackings/getuserinfo').Count | Should -Be 1
        @(Get-EmulatorRequest $script:First).Count | Should -Be 0
    }

    It 'copies trackings from one account to the other in one pipeline' {
        $numbers = 1..3 | ForEach-Object { New-TestTrackingNumber -Prefix 'CX' }
        $numbers | ForEach-Object { [pscustomobject]@{ TrackingNumber = $_; CarrierCode = 'china-post' } } | New-Tracking -Connection $script:ToFirst
        $copied = @($numbers | Get-Tracking -Connection $script:ToFirst | New-Tracking -Connection $script:ToSecond)
        $copied.TrackingNumber | Sort-Object | Should -Be ($numbers | Sort-Object)
        @($numbers | Get-Tracking -Connection $script:ToSecond).Count | Should -Be 3
        @(Get-EmulatorRequest $script:Second '*/trackings/batch').Count | Should -Be 1
    }

    It 'keeps the carrier list of each connection apart' {
        $null = Get-TrackingCarrier -Connection $script:ToFirst
        $null = Get-TrackingCarrier -Connection $script:ToFirst
        @(Get-EmulatorRequest $script:First '*/carriers').Count | Should -Be 1
        $null = Get-TrackingCarrier
        @(Get-EmulatorRequest $script:Second '*/carriers').Count | Should -Be 1
    }

    It 'works in parallel runspaces that never connected, passed with $using:' {
        $module = $env:TRACKINGMORE_TEST_MODULE
        $connection = $script:ToFirst
        $counts = 1..3 | ForEach-Object -ThrottleLimit 3 -Parallel {
            Import-Module $using:module
            @(Get-Tracking -Connection $using:connection -PageSize 2).Count
        }
        $counts | Should -Be @(2, 2, 2)
        @(Get-EmulatorRequest $script:First '*/trackings/get').Count | Should -Be 3
    }

    It 'still works after Disconnect-TrackingMore, which forgets only the current connection' {
        Disconnect-TrackingMore
        try {
            Get-TrackingMoreConnection | Should -BeNullOrEmpty
            (Get-TrackingAccount -Connection $script:ToFirst) | Should -Not -BeNullOrEmpty
            $env:TRACKINGMORE_API_KEY = $null
            { Get-TrackingAccount } | Should -Throw -ErrorId 'TrackingMore.NotConnected,*'
        } finally {
            $script:ToSecond = Connect-TestEmulator $script:Second -Extra @{ ListRequestsPerSecond = 0; PassThru = $true }
        }
    }

    It 'checks the key with one getuserinfo request, and a refused key fails Connect-TrackingMore itself' {
        $current = Get-TrackingMoreConnection
        $failure = { Connect-TestEmulator $script:First -ApiKey 'not-the-first-key' -Check } | Should -Throw -ErrorId 'TrackingMore.Unauthorized,TrackingMore.Commands.ConnectTrackingMoreCommand' -PassThru
        $failure.ErrorDetails.Message | Should -Match 'checked the key'
        $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        [object]::ReferenceEquals((Get-TrackingMoreConnection), $current) | Should -BeTrue
        @(Get-EmulatorRequest $script:First).path | Should -Be '/v2/trackings/getuserinfo'

        { Connect-TrackingMore -ApiKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri 'http://127.0.0.1:1/v2' -MaximumRetryCount 0 } |
            Should -Throw -ErrorId 'TrackingMore.*,TrackingMore.Commands.ConnectTrackingMoreCommand'
        [object]::ReferenceEquals((Get-TrackingMoreConnection), $current) | Should -BeTrue

        Clear-EmulatorRequest $script:First
        $checked = Connect-TestEmulator $script:First -Check -Extra @{ PassThru = $true }
        @(Get-EmulatorRequest $script:First).path | Should -Be '/v2/trackings/getuserinfo'
        Clear-EmulatorRequest $script:First
        $null = Connect-TrackingMore -ApiKey (ConvertTo-SecureString 'not-the-first-key' -AsPlainText -Force) -BaseUri $script:First.BaseUri -SkipCheck
        @(Get-EmulatorRequest $script:First).Count | Should -Be 0
        Disconnect-TrackingMore -Connection $checked
        $script:ToSecond = Connect-TestEmulator $script:Second -Extra @{ ListRequestsPerSecond = 0; PassThru = $true }
    }

    It 'stays disconnected after Disconnect-TrackingMore, even with $env:TRACKINGMORE_API_KEY set, until the next Connect-TrackingMore' {
        $env:TRACKINGMORE_API_KEY = $script:First.ApiKey
        $env:TRACKINGMORE_BASE_URI = $script:First.BaseUri
        try {
            Disconnect-TrackingMore
            $failure = { Get-TrackingAccount } | Should -Throw -ErrorId 'TrackingMore.NotConnected,*' -PassThru
            $failure.Exception.Message | Should -Match 'Disconnect-TrackingMore'
            $failure.Exception.Message | Should -Match 'Connect-TrackingMore again'
            @(Get-EmulatorRequest $script:First).Count | Should -Be 0
            Get-TrackingMoreConnection | Should -BeNullOrEmpty
        } finally {
            Remove-Item Env:TRACKINGMORE_API_KEY, Env:TRACKINGMORE_BASE_URI
            $script:ToSecond = Connect-TestEmulator $script:Second -Extra @{ ListRequestsPerSecond = 0; PassThru = $true }
        }
        (Get-TrackingAccount) | Should -Not -BeNullOrEmpty
    }

    It 'refuses a kept -PassThru connection once Disconnect-TrackingMore closed it, before sending anything' {
        $kept = Connect-TestEmulator $script:First -Extra @{ ListRequestsPerSecond = 0; PassThru = $true }
        Disconnect-TrackingMore
        $failure = { Get-TrackingAccount -Connection $kept } | Should -Throw -ErrorId 'TrackingMore.ConnectionClosed,*' -PassThru
        $failure.Exception.Message | Should -Match 'Disconnect-TrackingMore'
        $failure.Exception.Message | Should -Match 'Connect-TrackingMore -PassThru'
        @(Get-EmulatorRequest $script:First).Count | Should -Be 0

        # -Connection closes that connection only: the session's current one goes on.
        $script:ToSecond = Connect-TestEmulator $script:Second -Extra @{ ListRequestsPerSecond = 0; PassThru = $true }
        $other = Connect-TrackingMore -ApiKey (ConvertTo-SecureString $script:First.ApiKey -AsPlainText -Force) -BaseUri $script:First.BaseUri -SkipCheck -PassThru
        $script:ToSecond = Connect-TestEmulator $script:Second -Extra @{ ListRequestsPerSecond = 0; PassThru = $true }
        Disconnect-TrackingMore -Connection $other
        { Get-TrackingAccount -Connection $other } | Should -Throw -ErrorId 'TrackingMore.ConnectionClosed,*'
        (Get-TrackingAccount) | Should -Not -BeNullOrEmpty
        # This session's current connection, closed from another runspace it was given to: refused here too.
        $current = Get-TrackingMoreConnection
        $module = $env:TRACKINGMORE_TEST_MODULE
        1 | ForEach-Object -Parallel {
            Import-Module $using:module
            Disconnect-TrackingMore -Connection $using:current
        }
        Clear-EmulatorRequest $script:Second
        { Get-TrackingAccount } | Should -Throw -ErrorId 'TrackingMore.ConnectionClosed,*'
        @(Get-EmulatorRequest $script:Second).Count | Should -Be 0
        $script:ToSecond = Connect-TestEmulator $script:Second -Extra @{ ListRequestsPerSecond = 0; PassThru = $true }
        (Get-TrackingAccount) | Should -Not -BeNullOrEmpty
        (Get-TrackingMoreConnection).BaseUri.AbsoluteUri | Should -Be "$($script:Second.BaseUri)/"
    }

    It 'refuses a connection this session did not open, naming -Connection, before sending anything' {
        $settings = [TrackingMore.Api.ConnectionSettings]::new([uri] $script:First.BaseUri, (ConvertTo-SecureString 'first-account-0123456789abcd' -AsPlainText -Force), 0, [timespan]::FromSeconds(5), $null, 64)
        $forged = [TrackingMore.Models.TrackingMoreConnection]::new($settings, 'Parameter', [datetimeoffset]::Now)
        $failure = { Get-TrackingAccount -Connection $forged } | Should -Throw -ErrorId 'TrackingMore.UnknownConnection,*' -PassThru
        $failure.Exception.Message | Should -Match '-Connection'
        $failure.Exception.Message | Should -Match 'Connect-TrackingMore -PassThru'
        @(Get-EmulatorRequest $script:First).Count | Should -Be 0
    }

    It 'refuses a connection that came back through serialization' {
        $rebuilt = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($script:ToFirst))
        $failure = { Get-TrackingAccount -Connection $rebuilt } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -PassThru
        $failure.Exception.Message | Should -Match "'Connection'"
        $failure.Exception.Message | Should -Match 'Connect-TrackingMore -PassThru'
        @(Get-EmulatorRequest $script:First).Count | Should -Be 0
    }
}

Describe 'Carrier completion with -Connection' {
    It 'offers the carriers cached on the connection typed after -Connection, not the current one' {
        $null = Get-TrackingCarrier -Connection $script:ToFirst
        # A new current connection, whose cache is still empty: only -Connection's can offer anything.
        $null = Connect-TestEmulator $script:Second -Extra @{ ListRequestsPerSecond = 0 }
        try {
            (TabExpansion2 'Get-Tracking -CarrierCode dh' 27).CompletionMatches | Should -BeNullOrEmpty
            $global:TrackingMoreCompletionConnection = $script:ToFirst
            $line = 'Get-Tracking -Connection $TrackingMoreCompletionConnection -CarrierCode dh'
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain 'dhl'
        } finally {
            Remove-Variable TrackingMoreCompletionConnection -Scope Global -ErrorAction SilentlyContinue
            $null = Connect-TestEmulator $script:Second -Extra @{ ListRequestsPerSecond = 0 }
        }
    }
}

Describe 'A connection from the environment' {
    It 'refuses a TRACKINGMORE_BASE_URI it cannot use as TrackingMore.InvalidBaseUri, naming the variable, before any request' {
        $shell = [powershell]::Create()
        try {
            $env:TRACKINGMORE_API_KEY = $script:First.ApiKey
            $env:TRACKINGMORE_BASE_URI = 'http://example.com/v2'
            $null = $shell.AddScript({
                    param($Module)
                    Import-Module $Module
                    try { Get-TrackingAccount } catch { $_ }
                }).AddParameter('Module', $env:TRACKINGMORE_TEST_MODULE)
            $failure = @($shell.Invoke())[-1]
        } finally {
            Remove-Item Env:TRACKINGMORE_API_KEY, Env:TRACKINGMORE_BASE_URI
            $shell.Dispose()
        }
        $failure | Should -BeOfType System.Management.Automation.ErrorRecord
        $failure.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.InvalidBaseUri,*'
        $failure.Exception.Message | Should -Match 'TRACKINGMORE_BASE_URI'
        $failure.Exception.Message | Should -Match 'unencrypted'
    }
}

Describe 'Connect-TrackingMore -ApiVersion V4' {
    BeforeEach { Clear-EmulatorRequest $script:First }

    It 'is implied by a -BaseUri ending in /v4, checks the key with one list request, and works through the cmdlets' {
        $key = ConvertTo-SecureString $script:First.ApiKey -AsPlainText -Force
        $v4 = Connect-TrackingMore -ApiKey $key -BaseUri $script:First.V4BaseUri -PassThru
        try {
            $v4.ApiVersion | Should -Be 'V4'
            $v4.Capabilities.MaxPageSize | Should -Be 200
            $v4.Capabilities.RateLimitOf([TrackingMore.Api.EndpointClass]::List) | Should -Be 10
            @(Get-EmulatorRequest $script:First '*/v4/trackings/get*').Count | Should -Be 1

            $number = New-TestTrackingNumber -Prefix 'VF'
            $created = New-Tracking -TrackingNumber $number -CarrierCode 'china-post' -Connection $v4
            $created.TrackingNumber | Should -Be $number
            $created.Id | Should -Match '^[0-9a-f]{32}$'
            (Get-Tracking -TrackingNumber $number -Connection $v4).Id | Should -Be $created.Id
            @(Get-EmulatorRequest $script:First '*/v4/trackings/create').Count | Should -Be 1

            # A change of carrier by number: one look-up for the id, then the update with courier_code_new.
            Clear-EmulatorRequest $script:First
            $moved = Update-TrackingCarrier -TrackingNumber $number -CarrierCode china-post -NewCarrierCode china-ems -Confirm:$false -Connection $v4
            $moved.CarrierCode | Should -Be 'china-ems'
            @(Get-EmulatorRequest $script:First "*/v4/trackings/update/$($created.Id)").Count | Should -Be 1
            (Get-Tracking -TrackingNumber $number -Connection $v4).CarrierCode | Should -Be 'china-ems'
            @(Get-Tracking -All -PageSize 200 -Connection $v4 | Where-Object TrackingNumber -EQ $number).Count | Should -Be 1

            # Set-Tracking and Remove-Tracking: v4 has no batch form, so each goes alone under the id (piped: no look-up).
            $second = New-Tracking -TrackingNumber (New-TestTrackingNumber -Prefix 'VG') -CarrierCode 'china-post' -Connection $v4
            Clear-EmulatorRequest $script:First
            Get-Tracking -TrackingNumber $number, $second.TrackingNumber -Connection $v4 | Set-Tracking -Title 'v4 title' -Confirm:$false -Connection $v4 | Out-Null
            @(Get-EmulatorRequest $script:First '*/v4/trackings/update/*').Count | Should -Be 2
            (Get-Tracking -TrackingNumber $second.TrackingNumber -Connection $v4).Title | Should -Be 'v4 title'
            Clear-EmulatorRequest $script:First
            Remove-Tracking -TrackingNumber $number -CarrierCode china-ems -Confirm:$false -Connection $v4
            Remove-Tracking -TrackingNumber $second.TrackingNumber -CarrierCode china-post -Confirm:$false -Connection $v4
            @(Get-EmulatorRequest $script:First '*/v4/trackings/delete/*').Count | Should -Be 2
            @(Get-Tracking -TrackingNumber $number, $second.TrackingNumber -Connection $v4 -ErrorAction SilentlyContinue).Count | Should -Be 0
        }
        finally {
            Connect-TestEmulator $script:Second -Extra @{ ListRequestsPerSecond = 0 } | Out-Null
        }
    }

    It 'refuses -ApiVersion V2 with a /v4 -BaseUri, naming both parameters' {
        $key = ConvertTo-SecureString 'any-key-0123456789' -AsPlainText -Force
        $failure = { Connect-TrackingMore -ApiKey $key -BaseUri $script:First.V4BaseUri -ApiVersion V2 -SkipCheck } |
            Should -Throw -ErrorId 'TrackingMore.ApiVersionConflict,TrackingMore.Commands.ConnectTrackingMoreCommand' -PassThru
        $failure.Exception.Message | Should -Match '-ApiVersion V2 contradicts -BaseUri .*/v4, whose path names API version V4'
        (Get-TrackingMoreConnection).BaseUri.AbsoluteUri | Should -Be "$($script:Second.BaseUri)/"
    }
}

