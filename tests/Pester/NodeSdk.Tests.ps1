# A real v4 client against the emulator: the official Node SDK (tests/Sdk/node), every method, each answer checked by
# tests/Sdk/node/sdk-check.js as api-v4.md says. Needs node and npm (npm ci fetches the pinned SDK from the npm
# registry once); where node is absent (a bare machine has only the .NET SDK) the test reports itself as skipped.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Folder = (Resolve-Path (Join-Path $PSScriptRoot '../Sdk/node')).Path
    $script:Node = Get-Command node -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $script:Npm = Get-Command npm -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
}

Describe 'The official TrackingMore v4 Node SDK against the emulator' -Tag 'V4', 'Sdk' {
    BeforeAll {
        if ($script:Node -and $script:Npm) {
            $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '40'
        }
    }

    AfterAll {
        if ($script:Emulator) { Stop-TrackingMoreEmulator $script:Emulator }
    }

    It 'runs every SDK method and gets the answers api-v4.md describes' {
        if (-not $script:Node) { Set-ItResult -Skipped -Because 'node is not on PATH (the Node SDK check needs node and npm)'; return }
        if (-not $script:Npm) { Set-ItResult -Skipped -Because 'npm is not on PATH (the Node SDK check needs node and npm)'; return }

        if (-not (Test-Path (Join-Path $script:Folder 'node_modules/trackingmore-sdk-nodejs/package.json'))) {
            # The SDK version and its integrity hash are pinned in package-lock.json.
            $install = & $script:Npm.Source ci --prefix $script:Folder --no-audit --no-fund 2>&1
            $LASTEXITCODE | Should -Be 0 -Because "npm ci in tests/Sdk/node said: $($install | Out-String)"
        }

        $output = & $script:Node.Source (Join-Path $script:Folder 'sdk-check.js') $script:Emulator.Root $script:Emulator.ApiKey 2>&1
        $text = $output | Out-String
        Write-Host $text
        $text | Should -Not -Match '(?m)^not ok' -Because $text
        $LASTEXITCODE | Should -Be 0 -Because $text
        $text | Should -Match '(?m)^1\.\.\d+'
    }
}
