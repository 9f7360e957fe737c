#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the TrackingMore module.
.DESCRIPTION
    One entry point for every job on the module. On a bare machine with only the .NET SDK:
        dotnet tool restore && dotnet pwsh ./build.ps1 Demo
        dotnet tool restore && dotnet pwsh ./build.ps1 Test
.PARAMETER Task
    Build     compile the module and the emulator; lay out out/TrackingMore/<version>/ from an explicit file list;
              generate its help (en-US/) from src/TrackingMore/Help
    Test      Package, then xunit (client and module, with line coverage of their assemblies; emulator conformance), then Pester in
              a new pwsh against the built module; writes out/test-results/ (one .trx per xunit project, pester.xml as
              NUnit, coverage.cobertura.xml), prints the coverage, and ends with "N passed, N failed"
    Package   Build, then out/TrackingMore.<version>.nupkg through Publish-PSResource to a local folder repository
    Demo      Build, start the emulator, import samples/shipments.csv, list, export transit shipments to out/demo/transit.csv
    Emulator  Build, then run the emulator in the foreground (Ctrl+C stops it); extra arguments go to the emulator
    Bench     Build, then the benchmarks in bench/, written to bench/RESULTS.md
    Clean     remove out/ and every bin/ and obj/
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'Emulator', 'Bench', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [Parameter(ValueFromRemainingArguments)]
    [string[]] $EmulatorArgument = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Root = $PSScriptRoot
$Version = (Import-PowerShellDataFile (Join-Path $Root 'TrackingMore.psd1')).ModuleVersion
$OutDir = Join-Path $Root 'out'
$ModuleDir = Join-Path $OutDir "TrackingMore/$Version"
$ModuleBin = Join-Path $Root "src/TrackingMore/bin/$Configuration/netstandard2.0"
$EmulatorDll = Join-Path $Root "src/TrackingMore.Emulator/bin/$Configuration/net10.0/TrackingMore.Emulator.dll"

# Everything the module folder holds, by name: a file missing here fails the build instead of the user's import.
$ModuleFiles = @(
    @{ From = $Root; Name = 'TrackingMore.psd1' }
    @{ From = $Root; Name = 'TrackingMore.Format.ps1xml' }
    @{ From = $Root; Name = 'TrackingMore.Types.ps1xml' }
    @{ From = $ModuleBin; Name = 'TrackingMore.dll' }
    # The API client the cmdlets are thin over (src/TrackingMore.Client).
    @{ From = $ModuleBin; Name = 'TrackingMore.Client.dll' }
    # System.Text.Json and its dependencies, for Windows PowerShell 5.1; PowerShell 7 carries its own newer copies.
    @{ From = $ModuleBin; Name = 'System.Text.Json.dll' }
    @{ From = $ModuleBin; Name = 'System.Text.Encodings.Web.dll' }
    @{ From = $ModuleBin; Name = 'Microsoft.Bcl.AsyncInterfaces.dll' }
    @{ From = $ModuleBin; Name = 'System.Buffers.dll' }
    @{ From = $ModuleBin; Name = 'System.Memory.dll' }
    @{ From = $ModuleBin; Name = 'System.Numerics.Vectors.dll' }
    @{ From = $ModuleBin; Name = 'System.Runtime.CompilerServices.Unsafe.dll' }
    @{ From = $ModuleBin; Name = 'System.Threading.Tasks.Extensions.dll' }
)

# The help the module folder holds, generated from src/TrackingMore/Help (markdown + the built cmdlets' metadata).
$HelpGenerator = Join-Path $Root 'src/TrackingMore/Help/ConvertTo-MamlHelp.ps1'
$HelpFiles = @(
    'en-US/TrackingMore.dll-Help.xml'
    'en-US/about_TrackingMore.help.txt'
)

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') exited with code $LASTEXITCODE." }
}

# The pwsh running this script, as a command line: the dotnet tool runs as 'dotnet pwsh.dll', an installed one as 'pwsh'.
function Get-PwshCommandLine {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'pwsh') { return , @($process) }
    return , @($process, (Join-Path $PSHOME 'pwsh.dll'))
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $Root 'src/TrackingMore/TrackingMore.csproj') -c $Configuration "-p:Version=$Version" --nologo -v quiet
    Invoke-Dotnet build (Join-Path $Root 'src/TrackingMore.Emulator/TrackingMore.Emulator.csproj') -c $Configuration --nologo -v quiet
    if (Test-Path $ModuleDir) { Remove-Item $ModuleDir -Recurse -Force }
    New-Item -ItemType Directory -Path $ModuleDir -Force | Out-Null
    foreach ($file in $ModuleFiles) {
        $source = Join-Path $file.From $file.Name
        if (-not (Test-Path $source -PathType Leaf)) { throw "Build output is missing $source; the module folder would be incomplete." }
        Copy-Item $source -Destination $ModuleDir
    }
    Invoke-HelpBuild
    Write-Host "Module laid out in $ModuleDir"
}

# Fails the build when a cmdlet, a parameter or an example lacks help (the generator lists every gap).
function Invoke-HelpBuild {
    & $HelpGenerator -ModulePath $ModuleDir -OutputPath (Join-Path $ModuleDir 'en-US')
    foreach ($file in $HelpFiles) {
        if (-not (Test-Path (Join-Path $ModuleDir $file) -PathType Leaf)) { throw "Help generation did not write $file; the module's help would be incomplete." }
    }
}

# One xunit project, its counts read from its TRX file; a run that failed without counting a failure counts as one.
function Invoke-XunitProject([string] $Project, [string] $Results, [string[]] $Extra = @()) {
    # To the console, not into this function's output, which is the counts.
    & dotnet test (Join-Path $Root "tests/$Project/$Project.csproj") -c $Configuration --nologo `
        --logger "trx;LogFileName=$Project.trx" --logger 'console;verbosity=normal' --results-directory $Results @Extra | Out-Host
    $exit = $LASTEXITCODE
    $counts = @{ Passed = 0; Failed = 0 }
    $trx = Join-Path $Results "$Project.trx"
    if (Test-Path $trx) {
        $counters = ([xml](Get-Content $trx -Raw)).TestRun.ResultSummary.Counters
        $counts.Passed = [int]$counters.passed
        $counts.Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    if ($exit -ne 0 -and $counts.Failed -eq 0) { $counts.Failed = 1; Write-Warning "dotnet test of $Project exited with code $exit." }
    $counts
}

function Invoke-Test {
    # Package includes Build; the Pester suites install the package by name from its repository folder.
    Invoke-Package
    $results = Join-Path $OutDir 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    New-Item -ItemType Directory -Path $results -Force | Out-Null

    # xunit: the client, the converters and the fixtures (coverlet measures the lines of both assemblies they run);
    # then the emulator's conformance to the API record.
    $xunit = @{ Passed = 0; Failed = 0 }
    $coverageArguments = @('--collect', 'XPlat Code Coverage', '--', 'DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Include=[TrackingMore]*,[TrackingMore.Client]*')
    foreach ($project in 'TrackingMore.Tests', 'TrackingMore.Emulator.Tests') {
        $extra = if ($project -eq 'TrackingMore.Tests') { $coverageArguments } else { @() }
        $counts = Invoke-XunitProject -Project $project -Results $results -Extra $extra
        $xunit.Passed += $counts.Passed
        $xunit.Failed += $counts.Failed
    }
    $coverage = Read-Coverage $results

    # Pester: the built module in a new pwsh, against the emulator run as its own process.
    Invoke-Dotnet restore (Join-Path $Root 'tests/Tools/Tools.csproj') --nologo -v quiet
    $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    $pester = Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $pester)) { throw "Pester was not restored to $pester." }
    $summary = Join-Path $results 'pester.json'
    $runner = Join-Path $Root 'tests/Pester/Invoke-PesterSuite.ps1'
    $pwsh = Get-PwshCommandLine
    $env:TRACKINGMORE_TEST_MODULE = Join-Path $OutDir 'TrackingMore'
    $env:TRACKINGMORE_TEST_EMULATOR = $EmulatorDll
    $env:TRACKINGMORE_TEST_REPOSITORY = Join-Path $OutDir 'repository'
    try {
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $runner -PesterPath $pester -SummaryPath $summary `
            -ResultPath (Join-Path $results 'pester.xml')
    } finally {
        Remove-Item Env:TRACKINGMORE_TEST_MODULE, Env:TRACKINGMORE_TEST_EMULATOR, Env:TRACKINGMORE_TEST_REPOSITORY -ErrorAction SilentlyContinue
    }
    $pesterCounts = @{ Passed = 0; Failed = 1 }
    if (Test-Path $summary) { $pesterCounts = Get-Content $summary -Raw | ConvertFrom-Json -AsHashtable }
    else { Write-Warning 'The Pester run wrote no summary; counted as one failure.' }

    $passed = $xunit.Passed + $pesterCounts.Passed
    $failed = $xunit.Failed + $pesterCounts.Failed
    Write-Host "Reports in ${results}: TrackingMore.Tests.trx, TrackingMore.Emulator.Tests.trx, pester.xml (NUnit), coverage.cobertura.xml"
    Write-Host "Line coverage of TrackingMore.Client.dll and TrackingMore.dll by xunit: $coverage"
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed; Pester: $($pesterCounts.Passed) passed, $($pesterCounts.Failed) failed"
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

# Moves coverlet's report to <results>/coverage.cobertura.xml and removes the folders dotnet test wrote copies of it
# in (a run-id folder, and the TRX logger's attachment folder); returns the line rate as text.
function Read-Coverage([string] $Results) {
    $reports = @(Get-ChildItem $Results -Recurse -Filter coverage.cobertura.xml)
    if ($reports.Count -eq 0) { Write-Warning 'coverlet wrote no coverage report.'; return 'not measured' }
    $target = Join-Path $Results 'coverage.cobertura.xml'
    Copy-Item $reports[0].FullName $target
    $folders = $reports | ForEach-Object { [IO.Path]::GetRelativePath($Results, $_.FullName).Split([IO.Path]::DirectorySeparatorChar)[0] }
    $folders | Sort-Object -Unique | ForEach-Object { Remove-Item (Join-Path $Results $_) -Recurse -Force }
    $summary = ([xml](Get-Content $target -Raw)).coverage
    '{0:0.0}% ({1} of {2} lines)' -f ([double]$summary.'line-rate' * 100), $summary.'lines-covered', $summary.'lines-valid'
}

function Invoke-Demo {
    Invoke-Build
    Import-Module (Join-Path $Root 'src/TrackingMore.Emulator/EmulatorProcess.psm1') -Force
    $emulator = Start-TrackingMoreEmulator -Path $EmulatorDll -ArgumentList '--seed', '250', '--time-scale', '3600'
    try {
        Import-Module (Join-Path $OutDir 'TrackingMore') -Force
        $demoDir = Join-Path $OutDir 'demo'
        New-Item -ItemType Directory -Path $demoDir -Force | Out-Null
        $key = ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force
        Connect-TrackingMore -ApiKey $key -BaseUri $emulator.BaseUri

        Write-Host "`n== Import-Csv samples/shipments.csv | New-Tracking" -ForegroundColor Cyan
        $created = Import-Csv (Join-Path $Root 'samples/shipments.csv') | New-Tracking
        Write-Host "$(@($created).Count) trackings created."

        Write-Host "`n== Get-Tracking -First 10" -ForegroundColor Cyan
        Get-Tracking -First 10 | Format-Table | Out-Host

        Write-Host "`n== Get-Tracking -Status Transit | Export-Csv out/demo/transit.csv" -ForegroundColor Cyan
        $csv = Join-Path $demoDir 'transit.csv'
        Get-Tracking -Status Transit -All | Export-Csv $csv -NoTypeInformation
        Write-Host "$((Import-Csv $csv).Count) shipments in transit written to $csv"

        Write-Host "`n== Get-Tracking $($created[0].TrackingNumber) (by number)" -ForegroundColor Cyan
        Get-Tracking $created[0].TrackingNumber | Format-List TrackingNumber, CarrierCode, Status, CreatedAt, Title, CustomerName | Out-Host
    } finally {
        Remove-Module TrackingMore -ErrorAction SilentlyContinue
        Stop-TrackingMoreEmulator $emulator
    }
}

# Publish-PSResource into a local folder repository: the package is exactly what Install-PSResource and
# Install-Module will take. (PowerShellGet's Publish-Module does not work with this SDK.)
function Invoke-Package {
    Invoke-Build
    $repository = Join-Path $OutDir 'repository'
    if (Test-Path $repository) { Remove-Item $repository -Recurse -Force }
    New-Item -ItemType Directory -Path $repository -Force | Out-Null
    $name = "TrackingMoreBuild$PID"
    Register-PSResourceRepository -Name $name -Uri $repository -Trusted
    try {
        Publish-PSResource -Path $ModuleDir -Repository $name
    } finally {
        Unregister-PSResourceRepository -Name $name
    }
    $package = Join-Path $repository "TrackingMore.$Version.nupkg"
    if (-not (Test-Path $package)) { throw "Publish-PSResource wrote no $package." }
    Copy-Item $package -Destination $OutDir
    Write-Host "Package: $(Join-Path $OutDir "TrackingMore.$Version.nupkg") (repository folder: $repository)"
}

function Invoke-Bench {
    Invoke-Build
    & (Join-Path $Root 'bench/Invoke-Benchmark.ps1') -ModulePath (Join-Path $OutDir 'TrackingMore') -EmulatorPath $EmulatorDll -Pwsh (Get-PwshCommandLine)
}

function Invoke-Emulator {
    Invoke-Build
    & dotnet $EmulatorDll @EmulatorArgument
}

function Invoke-Clean {
    foreach ($dir in @($OutDir) + @(Get-ChildItem $Root -Directory -Recurse -Include bin, obj | ForEach-Object FullName)) {
        if (Test-Path $dir) { Remove-Item $dir -Recurse -Force }
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Package' { Invoke-Package }
    'Bench' { Invoke-Bench }
    'Emulator' { Invoke-Emulator }
    'Clean' { Invoke-Clean }
}
