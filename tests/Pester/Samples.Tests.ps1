# The scripts in samples/ run against the emulator as an admin would run them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    $script:Samples = Join-Path $PSScriptRoot '../../samples'
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '300', '--list-interval-ms', '0'
    Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0 }
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe 'samples/Import-Shipments.ps1' {
    It 'creates the shipments of samples/shipments.csv, then skips them the second time' {
        $failed = Join-Path $TestDrive 'failed.csv'
        $first = & (Join-Path $script:Samples 'Import-Shipments.ps1') -Path (Join-Path $script:Samples 'shipments.csv') -FailedPath $failed
        $rows = @(Import-Csv (Join-Path $script:Samples 'shipments.csv')).Count
        $first.Created | Should -Be $rows
        $first.Failed | Should -Be 0
        $second = & (Join-Path $script:Samples 'Import-Shipments.ps1') -Path (Join-Path $script:Samples 'shipments.csv') -FailedPath $failed
        $second.Created | Should -Be 0
        $second.Skipped | Should -Be $rows
    }

    It 'lists rows the API refuses in the failed CSV' {
        $source = Join-Path $TestDrive 'bad.csv'
        "TrackingNumber,CarrierCode`nRR000000001CN,no-such-carrier`n$(New-TestTrackingNumber),china-post" | Set-Content $source
        $failed = Join-Path $TestDrive 'failed-bad.csv'
        $result = & (Join-Path $script:Samples 'Import-Shipments.ps1') -Path $source -FailedPath $failed
        $result.Created | Should -Be 1
        $result.Failed | Should -Be 1
        $row = Import-Csv $failed
        $row.TrackingNumber | Should -Be 'RR000000001CN'
        $row.ErrorId | Should -Be 'TrackingMore.UnknownCarrier'
    }
}

Describe 'samples/Get-DailyReport.ps1' {
    It 'writes the status counts, stuck and problem shipments' {
        $folder = Join-Path $TestDrive 'report'
        $summary = & (Join-Path $script:Samples 'Get-DailyReport.ps1') -OutputFolder $folder -StuckAfterDays 3
        $summary.Total | Should -BeGreaterOrEqual 300
        (Import-Csv (Join-Path $folder 'status-counts.csv')).Total | Should -Be $summary.Total
        @(Import-Csv (Join-Path $folder 'problems.csv')).Count | Should -Be $summary.Problems
        $summary.Problems | Should -BeGreaterThan 0
        @(Import-Csv (Join-Path $folder 'stuck.csv')).Count | Should -Be $summary.Stuck
    }
}

Describe 'samples/ClientSample (the client without PowerShell)' {
    It 'creates shipments, reports each outcome in order, and lists the account by status' {
        if (-not (Test-Path $env:TRACKINGMORE_TEST_CLIENT_SAMPLE)) { throw "No built sample at ${env:TRACKINGMORE_TEST_CLIENT_SAMPLE}: run 'dotnet pwsh ./build.ps1 Build' first." }
        $numbers = @(New-TestTrackingNumber -Prefix 'CS'; New-TestTrackingNumber -Prefix 'CS')
        $expected = @(Get-Tracking -All).Count + 2
        $env:TRACKINGMORE_API_KEY = $script:Emulator.ApiKey
        try {
            $first = & dotnet $env:TRACKINGMORE_TEST_CLIENT_SAMPLE $script:Emulator.BaseUri china-post @numbers 2>&1
            $LASTEXITCODE | Should -Be 0 -Because ($first -join "`n")
            $again = & dotnet $env:TRACKINGMORE_TEST_CLIENT_SAMPLE $script:Emulator.BaseUri china-post $numbers[1] 2>&1
            $LASTEXITCODE | Should -Be 0 -Because ($again -join "`n")
        } finally {
            Remove-Item Env:TRACKINGMORE_API_KEY
        }
        $first[0] | Should -Be "created $($numbers[0]) (china-post)"
        $first[1] | Should -Be "created $($numbers[1]) (china-post)"
        $listed = $first | Select-Object -Skip 2 | ForEach-Object { [int]($_ -split ': ')[1] } | Measure-Object -Sum
        $listed.Sum | Should -Be $expected
        $again[0] | Should -BeLike "not created $($numbers[1]) (china-post): TrackingMore.AlreadyExists *"
        @(Get-Tracking -TrackingNumber $numbers).Count | Should -Be 2
    }

    It 'references the client and not PowerShell' {
        # Read from the file's metadata, not loaded: the assembly names it was compiled against.
        $stream = [IO.File]::OpenRead($env:TRACKINGMORE_TEST_CLIENT_SAMPLE)
        try {
            $pe = [Reflection.PortableExecutable.PEReader]::new($stream)
            $reader = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            $references = @($reader.AssemblyReferences | ForEach-Object { $reader.GetString($reader.GetAssemblyReference($_).Name) })
            $pe.Dispose()
        } finally { $stream.Dispose() }
        $references | Should -Contain 'TrackingMore.Client'
        $references | Should -Not -Contain 'TrackingMore'
        $references | Should -Not -Contain 'System.Management.Automation'
    }
}
