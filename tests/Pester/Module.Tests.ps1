# The module as a PowerShell user meets it: manifest, dependencies, tables, CSV and JSON, and Install-Module by name.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    $script:Module = Get-Module TrackingMore
    $script:RepositoriesAtStart = @(Get-RegisteredRepositoryName)
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '120', '--list-interval-ms', '0'
    Connect-TestEmulator $script:Emulator -Extra @{ ListRequestsPerSecond = 0 }
    # Seeded trackings that have moved: they have events, countries and a last event.
    $script:Moving = @(Get-Tracking -Status Transit -PageSize 20) + @(Get-Tracking -Status Delivered -PageSize 20)
}

AfterAll {
    Disconnect-TrackingMore
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe 'Manifest' {
    It 'passes Test-ModuleManifest' {
        $manifest = Join-Path $script:Module.ModuleBase 'TrackingMore.psd1'
        { Test-ModuleManifest $manifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports exactly the cmdlets it lists, and nothing else' {
        $data = Import-PowerShellDataFile (Join-Path $script:Module.ModuleBase 'TrackingMore.psd1')
        $data.CmdletsToExport | Should -Not -Contain '*'
        (Get-Command -Module TrackingMore).Name | Sort-Object | Should -Be ($data.CmdletsToExport | Sort-Object)
        $data.FunctionsToExport.Count + $data.AliasesToExport.Count + $data.VariablesToExport.Count | Should -Be 0
    }

    It 'declares both editions, PowerShell 5.1, tags, URIs and release notes' {
        $data = Import-PowerShellDataFile (Join-Path $script:Module.ModuleBase 'TrackingMore.psd1')
        $data.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
        $data.PowerShellVersion | Should -Be '5.1'
        $data.PrivateData.PSData.Tags | Should -Contain 'TrackingMore'
        $data.PrivateData.PSData.ProjectUri | Should -Match '^https://'
        $data.PrivateData.PSData.LicenseUri | Should -Match '^https://'
        $data.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'carries the version from the manifest into the assembly' {
        $script:Module.ImplementingAssembly.GetName().Version.ToString(3) | Should -Be $script:Module.Version.ToString(3)
    }
}

# The manifest says what PowerShell may import the module; the README and about_TrackingMore say the same to people,
# and what of it is verified where. The oldest PowerShell 7 is the one the import check lets through.
Describe 'Supported versions' {
    BeforeAll {
        $root = Join-Path $PSScriptRoot '../..'
        $script:Manifest = Import-PowerShellDataFile (Join-Path $script:Module.ModuleBase 'TrackingMore.psd1')
        $script:Claims = @{
            README             = (Get-Content (Join-Path $root 'README.md') -Raw) -replace '\s+', ' '
            about_TrackingMore = (Get-Help about_TrackingMore | Out-String) -replace '\s+', ' '
            ReleaseNotes       = $script:Manifest.PrivateData.PSData.ReleaseNotes
        }
        $script:OldestPowerShell7 = [TrackingMore.ModuleInitializer].GetField('OldestPowerShell7', [Reflection.BindingFlags]'NonPublic, Static').GetValue($null)
        $tool = (Get-Content (Join-Path $root 'dotnet-tools.json') -Raw | ConvertFrom-Json).tools.powershell.version
        $script:TestedPowerShell = ([version]$tool).ToString(2)
    }

    It '<_> claims Windows PowerShell 5.1 and PowerShell 7 exactly as the manifest and the import check allow them' -ForEach 'README', 'about_TrackingMore', 'ReleaseNotes' {
        $text = $script:Claims[$_]
        $desktop = "Windows PowerShell $($script:Manifest.PowerShellVersion)"
        $core = "PowerShell $script:OldestPowerShell7 or later"
        $text.Contains($desktop) | Should -Be ($script:Manifest.CompatiblePSEditions -contains 'Desktop') -Because "'$desktop' is claimed exactly when the manifest lists Desktop"
        $text.Contains($core) | Should -Be ($script:Manifest.CompatiblePSEditions -contains 'Core') -Because "'$core' is claimed exactly when the manifest lists Core"
    }

    It 'README and about_TrackingMore name the same PowerShell versions and say what is verified on Linux' {
        $versions = foreach ($name in 'README', 'about_TrackingMore') {
            , @([regex]::Matches($script:Claims[$name], '(?:Windows )?PowerShell \d+\.\d+') | ForEach-Object Value | Sort-Object -Unique)
        }
        $versions[1] | Should -Be $versions[0]
        foreach ($name in 'README', 'about_TrackingMore') {
            $script:Claims[$name] | Should -Match "passes on PowerShell $([regex]::Escape($script:TestedPowerShell)) on Linux"
            $script:Claims[$name] | Should -Match 'only in the (project''s )?GitHub workflow'
        }
    }

    It 'tags the gallery package with exactly the editions it declares' {
        $tagged = $script:Manifest.PrivateData.PSData.Tags | Where-Object { $_ -like 'PSEdition_*' } | ForEach-Object { $_ -replace '^PSEdition_', '' }
        $tagged | Sort-Object | Should -Be ($script:Manifest.CompatiblePSEditions | Sort-Object)
    }
}

Describe 'Dependencies for Windows PowerShell 5.1' {
    It 'ships every assembly the module references, or takes it from netstandard2.0 or PowerShell' {
        $folder = $script:Module.ModuleBase
        $shipped = Get-ChildItem $folder -Filter *.dll | ForEach-Object BaseName
        $platform = 'netstandard', 'mscorlib', 'System.Management.Automation'
        $missing = foreach ($dll in Get-ChildItem $folder -Filter *.dll) {
            $stream = [IO.File]::OpenRead($dll.FullName)
            try {
                $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader([System.Reflection.PortableExecutable.PEReader]::new($stream))
                foreach ($handle in $reader.AssemblyReferences) {
                    $name = $reader.GetString($reader.GetAssemblyReference($handle).Name)
                    if ($name -notin $shipped -and $name -notin $platform) { "$($dll.Name) -> $name" }
                }
            } finally { $stream.Dispose() }
        }
        $missing | Should -BeNullOrEmpty
        $shipped | Should -Contain 'System.Text.Json'
        $shipped | Should -Not -Contain 'System.Management.Automation'
    }

    It 'ships exactly the dependency files its resolve handler answers for' {
        $handled = [TrackingMore.ModuleInitializer].GetField('DependencyNames', [Reflection.BindingFlags]'NonPublic, Static').GetValue($null)
        $shipped = Get-ChildItem $script:Module.ModuleBase -Filter *.dll | Where-Object BaseName -ne 'TrackingMore' | ForEach-Object BaseName
        $shipped | Sort-Object | Should -Be ($handled | Sort-Object)
    }
}

Describe 'Formatting' {
    It 'shows Get-Tracking as a table of number, carrier, status, last update and last event, none of them empty' {
        $table = $script:Moving | Format-Table | Out-String -Width 200
        $header = ($table -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1)
        $header | Should -Match '^TrackingNumber\s+CarrierCode\s+Status\s+LastUpdateTime\s+LastEvent\s*$'
        $script:Moving | ForEach-Object {
            $_.TrackingNumber | Should -Not -BeNullOrEmpty
            $_.CarrierCode | Should -Not -BeNullOrEmpty
            $_.LastUpdateTime | Should -Not -BeNullOrEmpty
            $_.LastEvent | Should -Not -BeNullOrEmpty
        }
    }

    It 'fits the default table in 80 columns' {
        $lines = $script:Moving | Format-Table | Out-String -Width 80 -Stream
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
    }

    It 'shows the route in Format-List' {
        $text = $script:Moving[0] | Format-List | Out-String
        $text | Should -Match "OriginCountry\s+:\s+$([regex]::Escape($script:Moving[0].OriginCountry))"
        $text | Should -Match "DestinationCountry\s+:\s+$([regex]::Escape($script:Moving[0].DestinationCountry))"
        $text | Should -Match ([regex]::Escape($script:Moving[0].Events[0].Description))
    }

    It 'masks the key in the connection view' {
        (Get-TrackingMoreConnection | Out-String) | Should -Match '\*\*\*\*'
        (Get-TrackingMoreConnection | Out-String) | Should -Not -Match ([regex]::Escape($script:Emulator.ApiKey))
    }
}

Describe 'Completion without a network call' {
    It 'completes <Line> with <Expected>' -ForEach @(
        @{ Line = 'Get-Tracking -Status Del'; Expected = 'Delivered' }
        @{ Line = 'Get-Tracking -Language e'; Expected = 'en' }
        @{ Line = 'New-Tracking -DestinationCountry Germ'; Expected = 'DE' }
        @{ Line = 'Get-TrackingTransitTime -Origin C'; Expected = 'CN' }
        @{ Line = 'Test-TrackingRemoteArea -Country jp'; Expected = 'JP' }
    ) {
        Clear-EmulatorRequest $script:Emulator
        $completions = (TabExpansion2 $Line $Line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain $Expected
        @(Get-EmulatorRequest $script:Emulator).Count | Should -Be 0
    }
}

Describe 'CSV and JSON' {
    It 'exports one row per tracking with scalar columns and no type names' {
        $path = Join-Path $TestDrive 'trackings.csv'
        $script:Moving | Export-Csv $path -NoTypeInformation
        $rows = Import-Csv $path
        $rows.Count | Should -Be $script:Moving.Count
        $columns = $rows[0].PSObject.Properties.Name
        foreach ($column in 'TrackingNumber', 'CarrierCode', 'Status', 'SubStatus', 'OriginCountry', 'DestinationCountry', 'LastEvent',
            'LastUpdateTime', 'CreatedAt', 'UpdatedAt', 'TransitDays', 'Title', 'OrderId', 'CustomerName', 'CustomerEmail', 'Archived') {
            $columns | Should -Contain $column
        }
        $text = Get-Content $path -Raw
        $text | Should -Not -Match 'System\.(Object|Collections)'
        $text | Should -Not -Match 'TrackingMore\.(Models|Api)\.'
    }

    It 'exports one row per checkpoint with its tracking number' {
        $path = Join-Path $TestDrive 'events.csv'
        $script:Moving | Select-Object -ExpandProperty Events | Export-Csv $path -NoTypeInformation
        $rows = Import-Csv $path
        $rows.Count | Should -Be ($script:Moving | ForEach-Object { $_.Events.Count } | Measure-Object -Sum).Sum
        $rows | ForEach-Object { $_.TrackingNumber | Should -BeIn $script:Moving.TrackingNumber }
        (Get-Content $path -Raw) | Should -Not -Match 'System\.'
    }

    It 'round-trips through ConvertTo-Json -Depth 5' {
        $original = $script:Moving[0]
        $copy = $original | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        $copy.TrackingNumber | Should -Be $original.TrackingNumber
        $copy.CarrierCode | Should -Be $original.CarrierCode
        $copy.Events.Count | Should -Be $original.Events.Count
        $copy.Events[0].Description | Should -Be $original.Events[0].Description
        $copy.Events[0].TrackingNumber | Should -Be $original.TrackingNumber
        ([datetimeoffset]$copy.CreatedAt) | Should -Be $original.CreatedAt
    }
}

# On Windows the CurrentUser module folder (Documents) and PSResourceGet's repository store (LOCALAPPDATA) are known
# folders that no environment variable moves, so an install there would change the user's real profile: these tests
# run on Linux and macOS, where HOME and the XDG folders hold both.
Describe 'Installing the package by name' -Tag Package -Skip:$IsWindows {
    It 'installs with <Installer> from the local repository, imports by name in a new pwsh and lists trackings' -ForEach @(
        @{ Installer = 'Install-PSResource' }
        @{ Installer = 'Install-Module' }
    ) {
        $env:TRACKINGMORE_TEST_REPOSITORY | Should -Exist -Because 'build.ps1 Test packages into this folder first'
        # A throw-away HOME (and XDG folders, which win over HOME where set) makes the CurrentUser scope, the module
        # cache and the repository registrations temporary.
        $homeDir = Join-Path $TestDrive "home-$Installer"
        New-Item -ItemType Directory -Path $homeDir | Out-Null
        $script = @'
$ErrorActionPreference = 'Stop'
$repository = $env:TRACKINGMORE_TEST_REPOSITORY
if ($env:INSTALLER -eq 'Install-PSResource') {
    Register-PSResourceRepository -Name TrackingMoreTest -Uri $repository -Trusted
    Install-PSResource TrackingMore -Repository TrackingMoreTest -TrustRepository
} else {
    Register-PSRepository -Name TrackingMoreTest -SourceLocation $repository -InstallationPolicy Trusted
    Install-Module TrackingMore -Repository TrackingMoreTest -Scope CurrentUser -Force
}
Import-Module TrackingMore
Connect-TrackingMore -ApiKey (ConvertTo-SecureString $env:EMULATOR_KEY -AsPlainText -Force) -BaseUri $env:EMULATOR_URI -ListRequestsPerSecond 0
$module = Get-Module TrackingMore
"$($module.ModuleBase)|$(@(Get-Tracking -PageSize 5).Count)"
'@
        $pwsh = Get-PwshCommandLine
        $isolated = 'HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'
        $saved = @{}
        foreach ($name in $isolated) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        # The folders must exist: .NET answers an empty path for a special folder that does not, and PSResourceGet
        # would then keep its store in the working directory (it once did, in the clone).
        $folders = @{ XDG_DATA_HOME = '.local/share'; XDG_CONFIG_HOME = '.config'; XDG_CACHE_HOME = '.cache' }
        foreach ($folder in $folders.Values) { New-Item -ItemType Directory -Path (Join-Path $homeDir $folder) -Force | Out-Null }
        try {
            $env:HOME = $homeDir
            foreach ($name in $folders.Keys) { [Environment]::SetEnvironmentVariable($name, (Join-Path $homeDir $folders[$name])) }
            $env:INSTALLER = $Installer
            $env:EMULATOR_KEY = $script:Emulator.ApiKey
            $env:EMULATOR_URI = $script:Emulator.BaseUri
            Push-Location $homeDir
            $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1
        } finally {
            Pop-Location
            foreach ($name in $isolated) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            Remove-Item Env:INSTALLER, Env:EMULATOR_KEY, Env:EMULATOR_URI
        }
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $base, $count = (@($output)[-1]) -split '\|'
        $base | Should -BeLike "$homeDir*"
        $count | Should -Be 5
        # The registration went to the throw-away store, and nothing was written where the child was started.
        $store = if ($Installer -eq 'Install-PSResource') { '.local/share/PSResourceGet/PSResourceRepository.xml' } else { '.cache/powershell/PowerShellGet/PSRepositories.xml' }
        Join-Path $homeDir $store | Should -Exist
        @(Get-ChildItem $homeDir -File).Name | Should -BeNullOrEmpty
    }
}

Describe 'What the build and the install tests leave behind' {
    It 'leaves the repository registrations of PSResourceGet and PowerShellGet as they were before build.ps1 Test packaged' {
        # build.ps1 Test lists them before it packages; run alone, this file compares with its own start.
        $before = if ($env:TRACKINGMORE_TEST_REPOSITORIES_BEFORE) { @($env:TRACKINGMORE_TEST_REPOSITORIES_BEFORE -split ';') } else { $script:RepositoriesAtStart }
        Get-RegisteredRepositoryName | Should -Be $before
    }

    It 'installed no TrackingMore module outside the throw-away homes' {
        @(Get-Module TrackingMore -ListAvailable | Where-Object { $_.ModuleBase -notlike "$([IO.Path]::GetTempPath())*" -and
                $_.ModuleBase -notlike "$(Split-Path $env:TRACKINGMORE_TEST_MODULE)*" }).ModuleBase | Should -BeNullOrEmpty
    }
}

# What the cmdlet base class promises every command: one batch queue, and an end that always sends it.
Describe 'The cmdlet base class' {
    BeforeAll {
        $assembly = [TrackingMore.Commands.TrackingMoreCmdlet].Assembly
        # A command written against the base, compiled here as a contributor's would be.
        Add-Type -IgnoreWarnings -ReferencedAssemblies $assembly.Location, ([psobject].Assembly.Location), 'System.Collections', 'System.Runtime', 'netstandard' -TypeDefinition @'
using System.Collections.Generic;
public sealed class TwoSendsCommand : TrackingMore.Commands.TrackingMoreCmdlet
{
    public void Queue(string item, bool second)
    {
        if (second) Enqueue<string>(item, SendOther);
        else Enqueue<string>(item, Send);
    }
    private static void Send(IReadOnlyList<string> batch) { }
    private static void SendOther(IReadOnlyList<string> batch) { }
}
'@
    }

    It 'refuses items queued with a second send method instead of sending them through the first' {
        $command = [TwoSendsCommand]::new()
        try {
            $command.Queue('A1', $false)
            $command.Queue('B2', $false)   # the same method again: one queue
            { $command.Queue('C3', $true) } | Should -Throw '*two send methods (Send, SendOther)*'
        } finally { $command.Dispose() }
    }

    It 'seals EndProcessing, so that no command ends without sending its queue' {
        $flags = [Reflection.BindingFlags]'Instance, NonPublic'
        [TrackingMore.Commands.TrackingMoreCmdlet].GetMethod('EndProcessing', $flags).IsFinal | Should -BeTrue
        $commands = [TrackingMore.Commands.TrackingMoreCmdlet].Assembly.GetTypes() | Where-Object { $_.IsSubclassOf([TrackingMore.Commands.TrackingMoreCmdlet]) }
        @($commands).Count | Should -BeGreaterThan 10
        foreach ($type in $commands) { $type.GetMethod('EndProcessing', $flags).DeclaringType | Should -Be ([TrackingMore.Commands.TrackingMoreCmdlet]) -Because $type.Name }
    }
}
