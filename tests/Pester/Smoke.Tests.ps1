# The smoke subset that CI runs in Windows PowerShell 5.1 (tests/Smoke), run here in a new pwsh through the same
# driver: the checks must pass wherever the module is supported, and a broken check shows here first.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Driver = Join-Path $PSScriptRoot '../Smoke/Invoke-SmokeTest.ps1'
}

Describe 'tests/Smoke/Invoke-SmokeTest.ps1' {
    It 'passes every smoke check with the built module in a new pwsh against its own emulator' {
        $output = & $script:Driver -ModulePath $env:TRACKINGMORE_TEST_MODULE -EmulatorPath $env:TRACKINGMORE_TEST_EMULATOR -Shell (Get-PwshCommandLine) -Edition Core 6>&1 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $summary = @($output)[-1]
        $summary | Should -Match '^smoke: (\d+) passed, 0 failed$'
        [int]($summary -replace '^smoke: (\d+) .*$', '$1') | Should -BeGreaterOrEqual 13
        @($output | Where-Object { "$_" -match '^\[-\]' }) | Should -BeNullOrEmpty
    }

    It 'fails, naming the check, when the module cannot be imported' {
        $empty = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'NoModule')
        $output = & $script:Driver -ModulePath $empty.FullName -EmulatorPath $env:TRACKINGMORE_TEST_EMULATOR -Shell (Get-PwshCommandLine) -Edition Core 6>&1 2>&1
        $LASTEXITCODE | Should -Be 1
        ($output -join "`n") | Should -Match '\[-\] imports the built module'
    }
}
