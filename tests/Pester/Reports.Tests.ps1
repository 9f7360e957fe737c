# What a report script meets: the views' headers are the objects' property names, CSV exports are flat and cannot
# start a formula in a spreadsheet, times read one way, and the README's pipelines work as written.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    $script:Module = Get-Module TrackingMore
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '120', '--list-interval-ms', '0'
    Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0 }
    $script:Moving = @(Get-Tracking -Status Transit -PageSize 20) + @(Get-Tracking -Status Delivered -PageSize 20)

    # One object of every type the module writes, each from the cmdlet that writes it.
    $created = New-Tracking -TrackingNumber (New-TestTrackingNumber -Prefix 'RV') -CarrierCode china-post
    $waybill = Get-TrackingAirWaybill 172-28891936
    $script:Samples = @{
        'TrackingMore.Models.Tracking'              = $script:Moving[0]
        'TrackingMore.Models.TrackingEvent'         = $script:Moving[0].Events[0]
        'TrackingMore.Models.TrackingMoreConnection' = Get-TrackingMoreConnection
        'TrackingMore.Models.Carrier'               = Get-TrackingCarrier china-post
        'TrackingMore.Models.DetectedCarrier'       = Find-TrackingCarrier RR050349575PH | Select-Object -First 1
        'TrackingMore.Models.TrackingStatusCount'   = Get-TrackingStatusCount
        'TrackingMore.Models.TrackingAccount'       = Get-TrackingAccount
        'TrackingMore.Models.RemoteAreaResult'      = Test-TrackingRemoteArea -Country JP -PostalCode '100-0001' | Select-Object -First 1
        'TrackingMore.Models.TransitTime'           = Get-TrackingTransitTime -CarrierCode china-post -Origin CN -Destination US
        'TrackingMore.Models.AirWaybill'            = $waybill
        'TrackingMore.Models.AirWaybillEvent'       = $waybill.Events[0]
        'TrackingMore.Models.TrackingIdentity'      = $created | Remove-Tracking -Confirm:$false -PassThru
    }

    # Every header of every view in the module's format file: a label, or the property a column shows.
    $format = [xml](Get-Content (Join-Path $script:Module.ModuleBase 'TrackingMore.Format.ps1xml') -Raw)
    $script:Headers = foreach ($view in $format.Configuration.ViewDefinitions.View) {
        $type = $view.ViewSelectedBy.TypeName
        if ($view.TableControl) {
            $labels = @($view.TableControl.TableHeaders.TableColumnHeader)
            $items = @($view.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem)
            for ($i = 0; $i -lt $items.Count; $i++) {
                $label = if ($labels[$i].Label) { $labels[$i].Label } else { $items[$i].PropertyName }
                @{ View = $view.Name; Type = $type; Header = $label }
            }
        }
        foreach ($item in @($view.ListControl.ListEntries.ListEntry.ListItems.ListItem)) {
            if (-not $item) { continue }
            $label = if ($item.Label) { $item.Label } else { $item.PropertyName }
            @{ View = $view.Name; Type = $type; Header = $label }
        }
    }
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe 'Views' {
    It 'has an emitted object for every type a view is for' {
        $script:Headers.Count | Should -BeGreaterThan 0
        foreach ($header in $script:Headers) {
            $script:Samples[$header.Type] | Should -Not -BeNullOrEmpty -Because "$($header.View) needs a real $($header.Type) to check"
            $script:Samples[$header.Type].PSObject.TypeNames[0] | Should -Be $header.Type
        }
    }

    It 'names in every header a property of the object it shows' {
        $wrong = foreach ($header in $script:Headers) {
            $sample = $script:Samples[$header.Type]
            if ($null -eq $sample.PSObject.Properties[$header.Header]) { "$($header.View): '$($header.Header)' is no property of $($header.Type)" }
        }
        $wrong | Should -BeNullOrEmpty
    }

    It 'sorts and filters Get-Tracking by the names its table shows' {
        $table = $script:Moving | Format-Table | Out-String -Width 200
        $header = ($table -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1).Trim() -split '\s+'
        $header | Should -Contain 'LastUpdateTime'
        $header | Should -Contain 'CarrierCode'
        $sorted = @($script:Moving | Sort-Object LastUpdateTime)
        for ($i = 1; $i -lt $sorted.Count; $i++) { $sorted[$i].LastUpdateTime | Should -BeGreaterOrEqual $sorted[$i - 1].LastUpdateTime }
        $carrier = $script:Moving[0].CarrierCode
        @($script:Moving | Where-Object CarrierCode -EQ $carrier).Count | Should -Be @($script:Moving | Where-Object { $_.CarrierCode -eq $carrier }).Count
        @($script:Moving | Where-Object CarrierCode -EQ $carrier).Count | Should -BeGreaterThan 0
    }
}

Describe 'Tables at 80 columns' {
    It 'shows the last event as its words, not the API''s "description,details,date", with room for them' {
        foreach ($tracking in $script:Moving) {
            $newest = $tracking.Events[0]
            $words = if ($newest.Details) { "$($newest.Description), $($newest.Details)" } else { $newest.Description }
            $tracking.LastEvent | Should -Be $words
            $tracking.LastEvent | Should -Not -Match ',\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$'
        }
        $lines = @($script:Moving | Format-Table | Out-String -Width 80 -Stream | Where-Object { $_ -match '\S' })
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $start = $lines[0].IndexOf('LastEvent')
        $start | Should -BeGreaterThan 0
        80 - $start | Should -BeGreaterOrEqual 15 -Because 'the last event needs room at 80 columns beside a 22-digit USPS number'
        $row = $lines | Where-Object { $_.StartsWith($script:Moving[0].TrackingNumber) } | Select-Object -First 1
        $shown = $row.Substring($start).TrimEnd().TrimEnd([char]0x2026, '.')
        $script:Moving[0].LastEvent | Should -BeLike "$shown*"
    }

    It 'has a table view for the air waybill''s events, grouped by number, in 80 columns' {
        $events = $script:Samples['TrackingMore.Models.AirWaybill'].Events
        $events.Count | Should -BeGreaterThan 0
        (Get-FormatData TrackingMore.Models.AirWaybillEvent).FormatViewDefinition.Control | ForEach-Object GetType | ForEach-Object Name | Should -Contain 'TableControl'
        $lines = @($events | Out-String -Width 80 -Stream | Where-Object { $_ -match '\S' })
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $lines.Trim() | Should -Contain "AirWaybillNumber: $($events[0].AirWaybillNumber)"
        ($lines | Where-Object { $_ -match '^PlanDate' }) | Should -Match '^PlanDate\s+ActualDate\s+Station\s+FlightNumber\s+Event$'
    }

    It 'shows every time of every view as yyyy-MM-dd HH:mm, with the offset when the time has one' {
        # Each view of the format file, on the object it is for.
        $format = [xml](Get-Content (Join-Path $script:Module.ModuleBase 'TrackingMore.Format.ps1xml') -Raw)
        $text = foreach ($view in $format.Configuration.ViewDefinitions.View) {
            $sample = $script:Samples[$view.ViewSelectedBy.TypeName]
            if ($view.TableControl) { $sample | Format-Table -View $view.Name | Out-String -Width 200 }
            else { $sample | Format-List -View $view.Name | Out-String -Width 200 }
        }
        $text = $text -join "`n"
        $times = [regex]::Matches($text, '\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?( [+-]\d{2}:\d{2})?')
        $times.Count | Should -BeGreaterThan 5
        $times | ForEach-Object Value | Where-Object { $_ -notmatch '^\d{4}-\d{2}-\d{2} \d{2}:\d{2}( [+-]\d{2}:\d{2})?$' } | Should -BeNullOrEmpty
        $text | Should -Not -Match '\d{1,2}/\d{1,2}/\d{4}' -Because 'no time is shown in the culture''s own format'
        $text | Should -Match "CreatedAt\s+:\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} [+-]\d{2}:\d{2}"
    }

    It 'sorts and filters transit times by the short headers of their table, which Export-Csv does not add' {
        $times = @(Get-TrackingTransitTime -CarrierCode china-post -Origin CN -Destination US, DE, FR, JP)
        ($times | Sort-Object D0To7).Within7Days | Should -Be ($times | Sort-Object Within7Days).Within7Days
        @($times | Where-Object To -EQ 'DE').Count | Should -Be 1
        $columns = ($times | ConvertTo-Csv -NoTypeInformation | Select-Object -First 1) -replace '"' -split ','
        $columns | Should -Not -Contain 'D0To7'
        $columns | Should -Not -Contain 'From'
        $columns | Should -Contain 'Within7Days'
    }
}

Describe 'CSV reports' {
    It 'gives Get-Tracking | Export-Csv no AdditionalProperties column and no type names, and keeps the fields elsewhere' {
        $path = Join-Path $TestDrive 'all.csv'
        $script:Moving | Export-Csv $path -NoTypeInformation
        $columns = (Import-Csv $path)[0].PSObject.Properties.Name
        $columns | Should -Not -Contain 'AdditionalProperties'
        (Get-Content $path -Raw) | Should -Not -Match 'System\.|TrackingMore\.Models'
        ($script:Moving[0] | Select-Object *).PSObject.Properties.Name | Should -Not -Contain 'AdditionalProperties'
        # Still there for a script, for Get-Member -Force, and through remoting or Export-Clixml.
        $script:Moving[0].AdditionalProperties | Should -BeOfType 'TrackingMore.Models.AdditionalProperties'
        ($script:Moving[0] | Get-Member -Force -Name AdditionalProperties) | Should -Not -BeNullOrEmpty
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($script:Moving[0]))
        $copy.PSObject.Properties.Name | Should -Contain 'AdditionalProperties'
        $copy.Events.Count | Should -Be $script:Moving[0].Events.Count
        ($script:Moving[0] | ConvertTo-Json -Depth 5 | ConvertFrom-Json).TrackingNumber | Should -Be $script:Moving[0].TrackingNumber
    }
}

Describe 'Safe CSV' {
    BeforeAll {
        # Server data that a spreadsheet would run: one seeded tracking in transit per first character.
        $script:Hostile = @('=HYPERLINK("http://evil.example","x")', '+1+cmd|'' /C calc''!A0', '-2+3', '@SUM(1,2)', "`t=1+2", "`r=1+2")
        $inTransit = @(Get-Tracking -Status Transit -PageSize 20)
        $script:Poisoned = for ($i = 0; $i -lt $script:Hostile.Count; $i++) {
            $tracking = $inTransit[$i]
            Set-Tracking -TrackingNumber $tracking.TrackingNumber -CarrierCode $tracking.CarrierCode -Title $script:Hostile[$i] -CustomerName $script:Hostile[$i] -Confirm:$false | Out-Null
            $tracking.TrackingNumber
        }
        $script:FormulaStart = '^[=+\-@\t\r]'
    }

    It 'the README''s export example, run as written, writes no cell that starts a formula' {
        $readme = Get-Content (Join-Path $script:Root 'README.md') -Raw
        $line = [regex]::Match($readme, '(?m)^Get-Tracking -Status Transit -All \|.*Export-Csv transit\.csv').Value
        $line | Should -Not -BeNullOrEmpty
        Push-Location $TestDrive
        try {
            Invoke-Expression $line
            $rows = Import-Csv (Join-Path $TestDrive 'transit.csv')
        } finally { Pop-Location }
        $poisonedRows = @($rows | Where-Object TrackingNumber -In $script:Poisoned)
        $poisonedRows.Count | Should -Be $script:Poisoned.Count
        $cells = foreach ($row in $rows) { $row.PSObject.Properties.Value }
        $cells | Where-Object { $_ -match $script:FormulaStart } | Should -BeNullOrEmpty
        # The text itself is kept, behind the apostrophe a spreadsheet takes as "text".
        ($poisonedRows | Where-Object TrackingNumber -EQ $script:Poisoned[0]).Title | Should -Be "'$($script:Hostile[0])"
    }

    It 'neutralises <Name> in every kind of cell and keeps numbers, dates and the other texts as they are' -ForEach @(
        @{ Name = 'an equals sign'; Text = '=1+1' }
        @{ Name = 'a plus sign'; Text = '+1' }
        @{ Name = 'a minus sign'; Text = '-1+1' }
        @{ Name = 'an at sign'; Text = '@A1' }
        @{ Name = 'a tab'; Text = "`t=1" }
        @{ Name = 'a carriage return'; Text = "`r=1" }
        @{ Name = 'a line feed'; Text = "`n=1" }
        @{ Name = 'a full-width equals sign'; Text = "$([char]0xFF1D)1+1" }
    ) {
        $when = [datetime]'2026-01-02 03:04'
        $row = [pscustomobject]@{ Text = $Text; Plain = 'Desk lamp'; Count = -5; When = $when; Nothing = $null; List = [pscustomobject]@{ a = 1 } } | ConvertTo-TrackingCsvSafe
        $row.PSObject.Properties.Name | Should -Be 'Text', 'Plain', 'Count', 'When', 'Nothing', 'List'
        $row.Text | Should -Be "'$Text"
        $row.Plain | Should -Be 'Desk lamp'
        $row.Count | Should -Be -5
        $row.Count | Should -BeOfType [int]
        $row.When | Should -Be $when
        $row.Nothing | Should -BeNullOrEmpty
        # Export-Csv quotes every cell; only the number may start with a minus sign, as a number does in a spreadsheet.
        $cells = ($row | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).PSObject.Properties | Where-Object Name -NE 'Count'
        $cells.Value | Where-Object { $_ -match '^[=+\-@\t\r\n]' } | Should -BeNullOrEmpty
    }

    It 'keeps the columns Export-Csv would write for a tracking and its events, and the cmdlets'' objects unchanged' {
        $tracking = Get-Tracking $script:Poisoned[0]
        $safe = $tracking | ConvertTo-TrackingCsvSafe
        $safe.PSObject.Properties.Name | Should -Be $tracking.PSObject.Properties.Name
        $safe.Title | Should -Be "'$($script:Hostile[0])"
        $tracking.Title | Should -Be $script:Hostile[0]
        $safe.Events | Should -BeOfType [string]
        $events = @($tracking.Events | ConvertTo-TrackingCsvSafe)
        $events.Count | Should -Be $tracking.Events.Count
        $events[0].TrackingNumber | Should -Be $tracking.TrackingNumber
    }
}

Describe 'A report script written from the README' {
    It 'creates 50 from CSV, lists by status, sorts and filters by the table''s columns, updates several, exports the right rows' {
        $csv = Join-Path $TestDrive 'orders.csv'
        $batch = "MH$(Get-Random -Maximum 99999)"
        $orders = 1..50 | ForEach-Object {
            [pscustomobject]@{ TrackingNumber = (New-TestTrackingNumber -Prefix 'MH'); CarrierCode = $(if ($_ % 2) { 'china-post' } else { 'china-ems' }); Title = "$batch-$_"; CustomerName = "=cmd$_" }
        }
        $orders | Export-Csv $csv -NoTypeInformation
        $observed = Invoke-Observed {
            $created = @(Import-Csv $csv | New-Tracking)
            $mine = @(Get-Tracking -Status Pending -All | Where-Object Title -Like "$batch-*")
            $sorted = @($mine | Sort-Object TrackingNumber | Where-Object CarrierCode -EQ 'china-post')
            $sorted | Select-Object -First 5 | Set-Tracking -Title "$batch-updated" -Confirm:$false | Out-Null
            Get-Tracking -Status Pending -All | Where-Object Title -Like "$batch-*" | Sort-Object LastUpdateTime, TrackingNumber |
                ConvertTo-TrackingCsvSafe | Export-Csv (Join-Path $TestDrive 'report.csv') -NoTypeInformation
            [pscustomobject]@{ Created = $created.Count; Mine = $mine.Count; Sorted = $sorted }
        }
        $observed.Errors | Should -BeNullOrEmpty
        $result = $observed.Objects | Where-Object { $_.PSObject.Properties['Created'] }
        $result.Created | Should -Be 50
        $result.Mine | Should -Be 50
        $result.Sorted.Count | Should -Be 25
        $result.Sorted.TrackingNumber | Should -Be ($orders | Where-Object CarrierCode -EQ 'china-post' | Sort-Object TrackingNumber).TrackingNumber
        $rows = Import-Csv (Join-Path $TestDrive 'report.csv')
        $rows.Count | Should -Be 50
        ($rows | Sort-Object TrackingNumber).TrackingNumber | Should -Be ($orders | Sort-Object TrackingNumber).TrackingNumber
        @($rows | Where-Object Title -EQ "$batch-updated").Count | Should -Be 5
        $rows | ForEach-Object { $_.CustomerName | Should -BeLike "'=cmd*" }
        $rows[0].PSObject.Properties.Name | Should -Not -Contain 'AdditionalProperties'
    }

    It 'lists with -All every tracking the account counts, on the README''s emulator (--seed 250 --time-scale 3600)' {
        # The simulated clock runs an hour a second ahead of this machine's: a listing capped by the local clock missed
        # the newest trackings here (232 of 262).
        $readme = Start-TestEmulator -ArgumentList '--seed', '250', '--time-scale', '3600'
        try {
            $connection = Connect-TestEmulator $readme -Extra @{ PassThru = $true }
            $null = 1..12 | ForEach-Object { [pscustomobject]@{ TrackingNumber = (New-TestTrackingNumber -Prefix 'RA'); CarrierCode = 'china-post' } } |
                New-Tracking -Connection $connection
            $total = (Get-TrackingStatusCount -Connection $connection).Total
            $all = @(Get-Tracking -All -Connection $connection)
            $total | Should -Be 262
            $all.Count | Should -Be $total
            @($all.Id | Sort-Object -Unique).Count | Should -Be $total
        } finally {
            # That connection became the current one: the suite's own takes its place again.
            Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0 }
            Stop-TrackingMoreEmulator $readme
        }
    }
}

Describe 'Discoverability' {
    It 'points Get-Help <_> -Online at its own page in the repository' -ForEach @((Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../TrackingMore.psd1')).CmdletsToExport) {
        $project = $script:Module.PrivateData.PSData.ProjectUri
        $uri = @((Get-Help $_).relatedLinks.navigationLink)[0].uri
        $uri | Should -Be "$project/blob/main/src/TrackingMore/Help/$_.md"
        Join-Path $script:Root "src/TrackingMore/Help/$_.md" | Should -Exist
    }

    It 'has LICENSE (MIT, the manifest''s copyright holder) in the repository and the module, where LicenseUri points' {
        $data = $script:Module.PrivateData.PSData
        $data.LicenseUri | Should -Be "$($data.ProjectUri)/blob/main/LICENSE"
        foreach ($path in (Join-Path $script:Root 'LICENSE'), (Join-Path $script:Module.ModuleBase 'LICENSE')) {
            $path | Should -Exist
            $text = Get-Content $path -Raw
            $text | Should -Match '^MIT License'
            $holder = [regex]::Match($script:Module.Copyright, '^\(c\) (?<rest>.+?)\. MIT').Groups['rest'].Value
            $holder | Should -Not -BeNullOrEmpty
            $text | Should -Match ("Copyright \(c\) " + [regex]::Escape($holder))
        }
    }

    It 'packs LICENSE and the webhook sample into the nupkg that build.ps1 Package writes' -Tag Package {
        $package = Join-Path $env:TRACKINGMORE_TEST_REPOSITORY "TrackingMore.$($script:Module.Version).nupkg"
        $package | Should -Exist -Because 'build.ps1 Test packages the module first'
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($package)
        try { $entries = $zip.Entries.FullName } finally { $zip.Dispose() }
        $entries | Should -Contain 'LICENSE'
        $entries | Should -Contain 'webhook-sample.json'
    }

    It 'completes Get-TrackingCarrier -Type without a request, and refuses a kind the list does not have' {
        Clear-EmulatorRequest $script:Emulator
        (TabExpansion2 'Get-TrackingCarrier -Type gl' 28).CompletionMatches.CompletionText | Should -Be 'globalpost'
        (TabExpansion2 'Get-TrackingCarrier -Type ' 26).CompletionMatches.CompletionText | Should -Contain 'express'
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
        $failure = $null
        try { Get-TrackingCarrier -Type expres -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'TrackingMore.UnknownCarrierType,*'
        $failure.Exception.Message | Should -Match "-Type 'expres'"
        $failure.Exception.Message | Should -Match 'express, globalpost'
        @(Get-TrackingCarrier -Type EXPRESS).Count | Should -BeGreaterThan 0
    }

    It 'runs the webhook help''s first example on the sample body that ships with the module' {
        $help = Get-Content (Join-Path $script:Root 'src/TrackingMore/Help/ConvertFrom-TrackingWebhook.md') -Raw
        $code = [regex]::Match($help, '### Example 1[^\n]*\n```powershell\n(?<code>.*?)\n```', 'Singleline').Groups['code'].Value
        $code | Should -Match 'webhook-sample\.json'
        $observed = Invoke-Observed ([scriptblock]::Create($code))
        $observed.Objects.Count | Should -Be 1
        $observed.Objects[0] | Should -BeOfType 'TrackingMore.Models.Tracking'
        $observed.Objects[0].TrackingNumber | Should -Be 'RR050349575PH'
        $observed.Errors.Count | Should -Be 1
        $observed.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TrackingMore.WebhookStale,*'
    }
}

Describe 'README examples from a clone' {
    It 'runs the ForEach-Object -Parallel example after the README''s lines for a clone, in a new pwsh' {
        $readme = Get-Content (Join-Path $script:Root 'README.md') -Raw
        $setup = [regex]::Match($readme, '```powershell\n(?<code>\$env:PSModulePath = [^\n]*\nImport-Module TrackingMore)\n```').Groups['code'].Value
        $setup | Should -Not -BeNullOrEmpty -Because 'the README says how to make the module loadable by name from a clone'
        $parallel = [regex]::Match($readme, '(?m)^1\.\.4 \| ForEach-Object -Parallel \{.*\}$').Value
        $parallel | Should -Not -BeNullOrEmpty
        $script = @"
`$ErrorActionPreference = 'Stop'
Set-Location `$env:CLONE_ROOT
$setup
`$shop = Connect-TrackingMore -ApiKey (ConvertTo-SecureString `$env:EMULATOR_KEY -AsPlainText -Force) -BaseUri `$env:EMULATOR_URI -PassThru
`$accounts = @($parallel)
"accounts=`$(`$accounts.Count)|`$(@(`$accounts | Where-Object { `$_ -is [TrackingMore.Models.TrackingAccount] }).Count)"
"@
        $pwsh = Get-PwshCommandLine
        try {
            $env:CLONE_ROOT = $script:Root
            $env:EMULATOR_KEY = $script:Emulator.ApiKey
            $env:EMULATOR_URI = $script:Emulator.BaseUri
            $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1
        } finally {
            Remove-Item Env:CLONE_ROOT, Env:EMULATOR_KEY, Env:EMULATOR_URI
        }
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        @($output)[-1] | Should -Be 'accounts=4|4'
    }
}
