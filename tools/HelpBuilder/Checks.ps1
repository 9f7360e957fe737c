# Checks: what makes a cmdlet's help complete and true to the built cmdlet. Each returns its problems as strings
# ("<file>:<line>: ..."), which Build-ModuleHelp collects and reports together.

# What every cmdlet file needs besides its parameters: platyPS front matter, a synopsis, a description, two
# examples and a related link.
function Test-HelpContent($Help, [string] $ModuleName) {
    $file = $Help.File
    $front = $Help.FrontMatter
    if (-not $front.Count) { "${file}: no front matter; platyPS files start with '---', 'external help file: $ModuleName.dll-Help.xml', 'Module Name: $ModuleName', 'online version:', 'schema: 2.0.0', '---'." }
    else {
        $expected = [ordered]@{ 'external help file' = "$ModuleName.dll-Help.xml"; 'Module Name' = $ModuleName; 'schema' = '2.0.0' }
        foreach ($key in $expected.Keys) {
            if (-not $front.Contains($key)) { "${file}: the front matter has no '${key}: $($expected[$key])'." }
            elseif ($front[$key] -ne $expected[$key]) { "${file}: the front matter says '${key}: $($front[$key])'; it should be '${key}: $($expected[$key])'." }
        }
        if (-not $front.Contains('online version')) { "${file}: the front matter has no 'online version:' (it may be empty)." }
    }
    if (-not ($Help.Synopsis -join '').Trim()) { "${file}: no '## SYNOPSIS'." }
    if (-not ($Help.Description -join '').Trim()) { "${file}: no '## DESCRIPTION'." }
    if ($Help.Examples.Count -lt 2) { "${file}: $($Help.Examples.Count) example(s); at least 2 are needed under '## EXAMPLES'." }
    if (-not $Help.Links.Count) { "${file}: no '## RELATED LINKS'." }
}

# Every parameter of the cmdlet described (or given standard text), no description of a parameter it lacks, and
# each description's yaml block saying what the cmdlet says.
function Test-ParameterHelp($Command, $Help) {
    $file = $Help.File
    $names = @($Command.Parameters | ForEach-Object Name)
    foreach ($parameter in $Command.Parameters) {
        $entry = if ($Help.Parameters.Contains($parameter.Name)) { $Help.Parameters[$parameter.Name] } else { $null }
        if (-not $entry) {
            if (-not $StandardParameterHelp.Contains($parameter.Name)) { "${file}: -$($parameter.Name) is not described; add '### -$($parameter.Name)' under '## PARAMETERS'." }
            continue
        }
        if (-not ($entry.Text -join '').Trim()) { "$($entry.Where): '### -$($parameter.Name)' has no description." }
        Test-ParameterYaml $Command $parameter $entry
    }
    foreach ($described in $Help.Parameters.Keys) {
        if ($described -notin $names) { "$($Help.Parameters[$described].Where): '### -$described' describes a parameter $($Command.Name) does not have (it has: $($names -join ', '))." }
    }
}

# The yaml blocks are platyPS's copy of the facts. The build takes the facts from the cmdlet, so a block that says
# otherwise would only mislead the reader of the markdown (and platyPS, after a switch): it is reported as drift.
function Test-ParameterYaml($Command, $Parameter, $Entry) {
    $expected = @(Get-ParameterYaml $Command $Parameter)
    $actual = @($Entry.Yaml)
    $name = "-$($Parameter.Name)"
    if ($actual.Count -ne $expected.Count) {
        $default = if ($Entry.Default) { $Entry.Default } else { 'None' }
        $blocks = ($expected | ForEach-Object { '[' + (@(Format-ParameterYaml $_ $default | Where-Object { $_ }) -join '; ') + ']' }) -join ' '
        return "$($Entry.Where): $name has $($actual.Count) ``````yaml block(s); the cmdlet's facts make $($expected.Count), one per group of parameter sets alike for it: $blocks."
    }
    for ($i = 0; $i -lt $expected.Count; $i++) {
        foreach ($key in $expected[$i].Keys) {
            $want = "${key}: $($expected[$i][$key])".TrimEnd()
            if (-not $actual[$i].Contains($key)) { "$($Entry.Where): the ``````yaml block of $name lacks '$want'." }
            elseif ($actual[$i][$key] -cne $expected[$i][$key]) { "$($Entry.Where): the ``````yaml block of $name says '${key}: $($actual[$i][$key])'; the cmdlet has '$want'." }
        }
        foreach ($key in $actual[$i].Keys) {
            if ($key -ne 'Default value' -and -not $expected[$i].Contains($key)) { "$($Entry.Where): the ``````yaml block of $name has '${key}:', which the cmdlet does not give (the fields: $(@($expected[$i].Keys) + 'Default value' -join ', '))." }
        }
    }
}
