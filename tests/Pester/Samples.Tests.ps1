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
        $row.ErrorId | Should -Be 'TrackingMore.4015'
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
