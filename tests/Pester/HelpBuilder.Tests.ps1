# tools/HelpBuilder, job by job: the markdown reader, the MAML writer, the about-topic layout and the checks on small
# samples in TestDrive; the metadata reader and Build-ModuleHelp against the built module. Needs no emulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../tools/HelpBuilder/HelpBuilder.psd1') -Force
    # For the built module's path (TRACKINGMORE_TEST_MODULE) when this file runs on its own.
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:HelpSource = Join-Path $PSScriptRoot '../../src/TrackingMore/Help'

    # A cmdlet as Get-CommandMetadata describes one: -Name is positional and piped in one set, named in the other;
    # -Id only in ById; -Status an enum; -Force a switch; -WhatIf and -Connection have standard text.
    $script:Command = @'
{
  "Name": "Get-Sample", "Verb": "Get", "Noun": "Sample", "OutputTypes": [ "Sample.Item" ],
  "Parameters": [
    { "Name": "Name", "ShortType": "String", "FullType": "System.String", "IsSwitch": false, "IsArray": false, "Aliases": [ "n" ], "AcceptedValues": [], "Range": null, "Wildcards": true },
    { "Name": "Id", "ShortType": "Int32[]", "FullType": "System.Int32[]", "IsSwitch": false, "IsArray": true, "Aliases": [], "AcceptedValues": [], "Range": { "Min": "1", "Max": "2147483647" }, "Wildcards": false },
    { "Name": "Status", "ShortType": "SampleStatus", "FullType": "Sample.SampleStatus", "IsSwitch": false, "IsArray": false, "Aliases": [], "AcceptedValues": [ "Open", "Closed" ], "Range": null, "Wildcards": false },
    { "Name": "Force", "ShortType": "SwitchParameter", "FullType": "System.Management.Automation.SwitchParameter", "IsSwitch": true, "IsArray": false, "Aliases": [], "AcceptedValues": [], "Range": null, "Wildcards": false },
    { "Name": "WhatIf", "ShortType": "SwitchParameter", "FullType": "System.Management.Automation.SwitchParameter", "IsSwitch": true, "IsArray": false, "Aliases": [ "wi" ], "AcceptedValues": [], "Range": null, "Wildcards": false },
    { "Name": "Connection", "ShortType": "SampleConnection", "FullType": "Sample.SampleConnection", "IsSwitch": false, "IsArray": false, "Aliases": [], "AcceptedValues": [], "Range": null, "Wildcards": false }
  ],
  "ParameterSets": [
    { "Name": "ByName", "IsDefault": true, "Parameters": [
      { "Name": "Name", "Mandatory": true, "Position": 0, "ByValue": true, "ByPropertyName": false, "RemainingArguments": false },
      { "Name": "Status", "Mandatory": false, "Position": -1, "ByValue": false, "ByPropertyName": false, "RemainingArguments": false },
      { "Name": "Force", "Mandatory": false, "Position": -1, "ByValue": false, "ByPropertyName": false, "RemainingArguments": false },
      { "Name": "WhatIf", "Mandatory": false, "Position": -1, "ByValue": false, "ByPropertyName": false, "RemainingArguments": false },
      { "Name": "Connection", "Mandatory": false, "Position": -1, "ByValue": false, "ByPropertyName": false, "RemainingArguments": false } ] },
    { "Name": "ById", "IsDefault": false, "Parameters": [
      { "Name": "Id", "Mandatory": true, "Position": 0, "ByValue": false, "ByPropertyName": true, "RemainingArguments": false },
      { "Name": "Name", "Mandatory": false, "Position": -1, "ByValue": false, "ByPropertyName": false, "RemainingArguments": false },
      { "Name": "Force", "Mandatory": false, "Position": -1, "ByValue": false, "ByPropertyName": false, "RemainingArguments": false },
      { "Name": "WhatIf", "Mandatory": false, "Position": -1, "ByValue": false, "ByPropertyName": false, "RemainingArguments": false },
      { "Name": "Connection", "Mandatory": false, "Position": -1, "ByValue": false, "ByPropertyName": false, "RemainingArguments": false } ] }
  ]
}
'@ | ConvertFrom-Json

    # Its complete help in the platyPS schema, yaml blocks written by hand as platyPS lays them out.
    $script:Sample = @'
---
external help file: Sample.dll-Help.xml
Module Name: Sample
online version:
schema: 2.0.0
---

# Get-Sample

## SYNOPSIS
Gets **samples**.

## SYNTAX

### ByName (Default)
```
Get-Sample [-Name] <string> [-Status <SampleStatus>] [-Force] [<CommonParameters>]
```

## DESCRIPTION
Gets samples by `Name`, see [the site](https://example.com/samples) or [Get-Thing](Get-Thing.md).
The second line of the paragraph.

- an item
- another item

## EXAMPLES

### Example 1: By name
```powershell
Get-Sample -Name a
```
Gets sample a.

### Example 2: By id
```powershell
Get-Sample -Id 1, 2
```
Gets two samples.

## PARAMETERS

### -Name
The sample's name.

```yaml
Type: String
Parameter Sets: ByName
Aliases: n

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByValue)
Accept wildcard characters: True
```

```yaml
Type: String
Parameter Sets: ById
Aliases: n

Required: False
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: True
```

### -Id
The samples' ids.

```yaml
Type: Int32[]
Parameter Sets: ById
Aliases:

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByPropertyName)
Accept wildcard characters: False
```

### -Status
Only samples in this state.

```yaml
Type: SampleStatus
Parameter Sets: ByName
Aliases:
Accepted values: Open, Closed

Required: False
Position: Named
Default value: Open, unless -Force
Accept pipeline input: False
Accept wildcard characters: False
```

### -Force
Gets closed samples too.

```yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases:

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### CommonParameters
This cmdlet supports the common parameters.

## INPUTS

### System.String
Names.

## OUTPUTS

### Sample.Item
One object per sample.

## NOTES
A note.

## RELATED LINKS

[about_Sample](about_Sample.md)

[Get-Thing]()

[Sample site](https://example.com)
'@

    function Read-Sample([string] $Text = $Sample, [string] $Name = 'Get-Sample') {
        $path = Join-Path $TestDrive "$Name.md"
        Set-Content -LiteralPath $path -Value $Text -Encoding utf8
        $problems = [System.Collections.Generic.List[string]]::new()
        $help = Read-CmdletMarkdown $path $problems
        [pscustomobject]@{ Help = $help; Problems = @($problems) }
    }

    # The problems of a sample changed by one replacement: from reading it, and from checking it against $Command.
    function Get-SampleProblem([string] $Pattern, [string] $Replacement) {
        $changed = [regex]::Replace($Sample, $Pattern, $Replacement)
        $changed | Should -Not -BeExactly $Sample -Because "the pattern '$Pattern' must change the sample"
        $read = Read-Sample $changed
        @($read.Problems) + @(Test-HelpContent $read.Help 'Sample') + @(Test-ParameterHelp $Command $read.Help)
    }
}

Describe 'Read-CmdletMarkdown' {
    BeforeAll {
        $script:Read = Read-Sample
        $script:Help = $Read.Help
    }

    It 'reads the sample without a problem' {
        $Read.Problems | Should -BeNullOrEmpty
    }

    It 'reads the front matter' {
        $Help.FrontMatter['Module Name'] | Should -Be 'Sample'
        $Help.FrontMatter['schema'] | Should -Be '2.0.0'
        $Help.FrontMatter['external help file'] | Should -Be 'Sample.dll-Help.xml'
        $Help.FrontMatter.Contains('online version') | Should -BeTrue
    }

    It 'reduces inline markdown to plain text, joins the lines of a paragraph and keeps list items' {
        $Help.Synopsis | Should -Be @('Gets samples.')
        $Help.Description | Should -Be @(
            'Gets samples by Name, see the site (https://example.com/samples) or Get-Thing. The second line of the paragraph.'
            '- an item'
            '- another item'
        )
    }

    It 'takes the words of a parameter, not its yaml block, and the default value from the yaml' {
        $Help.Parameters.Keys | Should -Be @('Name', 'Id', 'Status', 'Force')
        $Help.Parameters['Status'].Text | Should -Be @('Only samples in this state.')
        $Help.Parameters['Status'].Default | Should -Be 'Open, unless -Force'
        @($Help.Parameters['Name'].Yaml).Count | Should -Be 2
        $Help.Parameters['Name'].Yaml[1]['Position'] | Should -Be 'Named'
    }

    It 'reads past SYNTAX and CommonParameters' {
        $Help.Parameters.Contains('CommonParameters') | Should -BeFalse
        ($Help.Description + $Help.Synopsis) -join ' ' | Should -Not -Match 'CommonParameters|\[-Name\]'
    }

    It 'reads examples as title, code and explanation' {
        $Help.Examples.Count | Should -Be 2
        $Help.Examples[0].Title | Should -Be 'Example 1: By name'
        $Help.Examples[0].Code | Should -Be 'Get-Sample -Name a'
        $Help.Examples[0].Remarks | Should -Be @('Gets sample a.')
    }

    It 'reads inputs, outputs and notes' {
        $Help.Inputs['System.String'] | Should -Be @('Names.')
        $Help.Outputs['Sample.Item'] | Should -Be @('One object per sample.')
        $Help.Notes | Should -Be @('A note.')
    }

    It 'reads related links: topics by name, web pages with their address' {
        @($Help.Links | ForEach-Object { "$($_.Text)|$($_.Uri)" }) | Should -Be @('about_Sample|', 'Get-Thing|', 'Sample site|https://example.com')
    }

    It 'makes the online version the first related link' {
        $help = (Read-Sample ($Sample -replace 'online version:', 'online version: https://example.com/get-sample')).Help
        "$($help.Links[0].Text)|$($help.Links[0].Uri)" | Should -Be 'Online Version:|https://example.com/get-sample'
    }

    It 'reports <Case>' -ForEach @(
        @{ Case = 'a section out of the schema'; Pattern = '## NOTES'; Replacement = '## Notes'; Problem = "*unknown section '## Notes'*" }
        @{ Case = 'a second section of a name'; Pattern = '## NOTES'; Replacement = '## SYNOPSIS'; Problem = "*a second '## SYNOPSIS' section*" }
        @{ Case = 'text before the code of an example'; Pattern = '(### Example 1: By name\r?\n)'; Replacement = "`$1Intro.`n"; Problem = "*must start with a *powershell code block*" }
        @{ Case = 'an example heading out of the schema'; Pattern = '### Example 2: By id'; Replacement = '### By id'; Problem = "*an example heading is '### Example N: title'*" }
        @{ Case = 'a code block left open'; Pattern = 'A note\.'; Replacement = "A note.`n`n``````powershell`nGet-Sample"; Problem = '*a code block is not closed*' }
        @{ Case = 'a related link that is not a link'; Pattern = '\[Get-Thing\]\(\)'; Replacement = '- Get-Thing'; Problem = "*holds one link a line*not '- Get-Thing'*" }
        @{ Case = 'a parameter heading without a dash'; Pattern = '### -Force'; Replacement = '### Force'; Problem = "*a parameter heading is '### -Name', not '### Force'*" }
        @{ Case = 'a parameter described twice'; Pattern = '### -Force'; Replacement = '### -Status'; Problem = '*-Status is described twice*' }
        @{ Case = 'text directly under PARAMETERS'; Pattern = '(## PARAMETERS\r?\n)'; Replacement = '$1Loose text.'; Problem = "*text directly under '## PARAMETERS'*" }
        @{ Case = 'a title other than the file name'; Pattern = '# Get-Sample'; Replacement = '# Get-Other'; Problem = "*the title '# Get-Other' does not match the file name*" }
        @{ Case = 'front matter left open'; Pattern = '(?s)^(---.*?)---\r?\n'; Replacement = '$1'; Problem = "*the front matter is not closed with '---'*" }
    ) {
        $problems = Get-SampleProblem $Pattern $Replacement
        @($problems) -like $Problem | Should -Not -BeNullOrEmpty -Because "one of the problems should be like '$Problem'; they were: $($problems -join ' | ')"
    }
}

Describe 'Get-ParameterYaml and Format-ParameterYaml' {
    It 'lay out the facts of a parameter as platyPS does, one block per group of sets alike for it' {
        $name = $Command.Parameters | Where-Object Name -eq 'Name'
        $blocks = @(Get-ParameterYaml $Command $name)
        $blocks.Count | Should -Be 2
        Format-ParameterYaml $blocks[0] 'None' | Should -Be @(
            'Type: String'
            'Parameter Sets: ByName'
            'Aliases: n'
            ''
            'Required: True'
            'Position: 0'
            'Default value: None'
            'Accept pipeline input: True (ByValue)'
            'Accept wildcard characters: True'
        )
        $blocks[1]['Parameter Sets'] | Should -Be 'ById'
        $blocks[1]['Required'] | Should -Be 'False'
    }

    It "say '(All)' for a parameter alike in every set, and list accepted values" {
        (Get-ParameterYaml $Command ($Command.Parameters | Where-Object Name -eq 'Force'))['Parameter Sets'] | Should -Be '(All)'
        (Get-ParameterYaml $Command ($Command.Parameters | Where-Object Name -eq 'Status'))['Accepted values'] | Should -Be 'Open, Closed'
    }
}

Describe 'Test-HelpContent and Test-ParameterHelp' {
    It 'find nothing wrong with complete help' {
        $help = (Read-Sample).Help
        @(Test-HelpContent $help 'Sample') + @(Test-ParameterHelp $Command $help) | Should -BeNullOrEmpty
    }

    It 'report <Case>' -ForEach @(
        @{ Case = 'no synopsis'; Pattern = 'Gets \*\*samples\*\*\.'; Replacement = ''; Problem = "Get-Sample.md: no '## SYNOPSIS'." }
        @{ Case = 'no description'; Pattern = '(?s)(## DESCRIPTION\r?\n).*?(?=## EXAMPLES)'; Replacement = '$1'; Problem = "Get-Sample.md: no '## DESCRIPTION'." }
        @{ Case = 'fewer than two examples'; Pattern = '(?s)### Example 2.*?(?=## PARAMETERS)'; Replacement = ''; Problem = "Get-Sample.md: 1 example(s); at least 2 are needed under '## EXAMPLES'." }
        @{ Case = 'no related link'; Pattern = '(?s)(## RELATED LINKS).*$'; Replacement = '$1'; Problem = "Get-Sample.md: no '## RELATED LINKS'." }
        @{ Case = 'no front matter'; Pattern = '(?s)^---.*?---\r?\n'; Replacement = ''; Problem = "Get-Sample.md: no front matter*" }
        @{ Case = 'another schema'; Pattern = 'schema: 2.0.0'; Replacement = 'schema: 1.0.0'; Problem = "Get-Sample.md: the front matter says 'schema: 1.0.0'; it should be 'schema: 2.0.0'." }
        @{ Case = 'another module'; Pattern = 'Module Name: Sample'; Replacement = 'Module Name: Other'; Problem = "Get-Sample.md: the front matter says 'Module Name: Other'; it should be 'Module Name: Sample'." }
        @{ Case = 'no online version key'; Pattern = 'online version:\r?\n'; Replacement = ''; Problem = "Get-Sample.md: the front matter has no 'online version:'*" }
        @{ Case = 'an undocumented parameter'; Pattern = '(?s)### -Force.*?(?=### CommonParameters)'; Replacement = ''; Problem = "Get-Sample.md: -Force is not described; add '### -Force' under '## PARAMETERS'." }
        @{ Case = 'a parameter without words'; Pattern = 'Gets closed samples too\.'; Replacement = ''; Problem = "Get-Sample.md:*: '### -Force' has no description." }
        @{ Case = 'a parameter the cmdlet lacks'; Pattern = '### -Force'; Replacement = '### -Forced'; Problem = "Get-Sample.md:*: '### -Forced' describes a parameter Get-Sample does not have (it has: Name, Id, Status, Force, WhatIf, Connection)." }
        @{ Case = 'a yaml fact that drifted'; Pattern = '(Type: Int32\[\](?:\r?\n.*){4}\r?\n)Position: 0'; Replacement = '$1Position: 1'; Problem = "Get-Sample.md:*: the *yaml block of -Id says 'Position: 1'; the cmdlet has 'Position: 0'." }
        @{ Case = 'a yaml field missing'; Pattern = 'Accepted values: Open, Closed\r?\n'; Replacement = ''; Problem = "Get-Sample.md:*: the *yaml block of -Status lacks 'Accepted values: Open, Closed'." }
        @{ Case = 'a yaml field platyPS has not'; Pattern = '(Type: SwitchParameter\r?\n)'; Replacement = "`$1Colour: Blue`n"; Problem = "Get-Sample.md:*: the *yaml block of -Force has 'Colour:', which the cmdlet does not give*" }
        @{ Case = 'a missing yaml block'; Pattern = '(?s)(The samples'' ids\.).*?(?=### -Status)'; Replacement = "`$1`n`n"; Problem = "Get-Sample.md:*: -Id has 0 *yaml block(s); the cmdlet's facts make 1*[[]Type: Int32[[][]]; Parameter Sets: ById; Aliases:; Required: True; Position: 0; Default value: None; Accept pipeline input: True (ByPropertyName); Accept wildcard characters: False[]]*" }
        @{ Case = 'one yaml block where the sets differ'; Pattern = '(?s)(Accept wildcard characters: True\r?\n```)\r?\n\r?\n```yaml.*?```'; Replacement = '$1'; Problem = "Get-Sample.md:*: -Name has 1 *yaml block(s); the cmdlet's facts make 2*" }
    ) {
        $problems = Get-SampleProblem $Pattern $Replacement
        @($problems) -like $Problem | Should -Not -BeNullOrEmpty -Because "one of the problems should be like '$Problem'; they were: $($problems -join ' | ')"
    }

    It 'need no section for the parameters with standard text, -WhatIf and -Connection among them' {
        $problems = @(Test-ParameterHelp $Command (Read-Sample).Help)
        $problems | Should -Not -BeLike '*WhatIf*'
        $problems | Should -Not -BeLike '*Connection*'
    }
}

Describe 'Write-MamlHelp' {
    BeforeAll {
        $path = Join-Path $TestDrive 'Sample.dll-Help.xml'
        Write-MamlHelp $path @($Command) ([ordered]@{ 'Get-Sample' = (Read-Sample).Help })
        $script:Xml = [xml](Get-Content -LiteralPath $path -Raw)
        $script:Maml = $Xml.helpItems.command
        $script:Parameter = @{}
        foreach ($p in $Maml.parameters.parameter) { $Parameter[$p.name] = $p }
        $script:PartLeft = Test-Path "$path.part"
    }

    It 'writes one command with its name, verb, noun and synopsis, and leaves no part file' {
        $Xml.helpItems.schema | Should -Be 'maml'
        @($Xml.helpItems.command).Count | Should -Be 1
        $Maml.details.name | Should -Be 'Get-Sample'
        $Maml.details.verb | Should -Be 'Get'
        $Maml.details.noun | Should -Be 'Sample'
        $Maml.details.description.para | Should -Be 'Gets samples.'
        $PartLeft | Should -BeFalse
    }

    It 'writes a syntax item per parameter set, the default first, positional parameters first' {
        $items = @($Maml.syntax.syntaxItem)
        $items.Count | Should -Be 2
        @($items[0].parameter | ForEach-Object name) | Should -Be @('Name', 'Status', 'Force', 'WhatIf', 'Connection')
        @($items[1].parameter | ForEach-Object name) | Should -Be @('Id', 'Name', 'Force', 'WhatIf', 'Connection')
        $first = $items[0].parameter[0]
        $first.required, $first.position, $first.pipelineInput | Should -Be @('true', '0', 'True (ByValue)')
    }

    It 'writes the parameters in the markdown order, then the standard ones, with facts merged over the sets' {
        @($Maml.parameters.parameter | ForEach-Object name) | Should -Be @('Name', 'Id', 'Status', 'Force', 'WhatIf', 'Connection')
        $name = $Parameter['Name']
        $name.required | Should -Be 'true (ByName); false (ById)'
        $name.position | Should -Be '0 (ByName); named (ById)'
        $name.pipelineInput | Should -Be 'True (ByValue) (ByName); False (ById)'
        $name.globbing | Should -Be 'true'
        $name.aliases | Should -Be 'n'
        $Parameter['Id'].variableLength | Should -Be 'true'
        $Parameter['Id'].type.name | Should -Be 'System.Int32[]'
    }

    It 'adds accepted values, the valid range and the parameter sets to the words, and the default from the yaml' {
        $status = $Parameter['Status']
        @($status.description.para) | Should -Be @('Only samples in this state.', 'Accepted values: Open, Closed.', 'Parameter sets: ByName.')
        @($status.parameterValueGroup.parameterValue | ForEach-Object '#text') | Should -Be @('Open', 'Closed')
        $status.defaultValue | Should -Be 'Open, unless -Force'
        @($Parameter['Id'].description.para) | Should -Contain 'Valid range: 1 or more.'
    }

    It 'gives -WhatIf and -Connection their standard text' {
        $Parameter['WhatIf'].description.para | Should -BeLike 'Shows what would happen*'
        $Parameter['WhatIf'].defaultValue | Should -Be 'False'
        $Parameter['Connection'].description.para | Should -Be 'The connection to use, as returned by Connect-TrackingMore -PassThru. By default the cmdlet uses the current connection of the session (the last Connect-TrackingMore), or else the TRACKINGMORE_API_KEY environment variable.'
        $Parameter['Connection'].defaultValue | Should -Be 'None'
    }

    It 'writes inputs from the pipeline parameters with the markdown words, and outputs from OutputType' {
        $inputs = @($Maml.inputTypes.inputType)
        @($inputs | ForEach-Object { $_.type.name }) | Should -Be @('System.String', 'System.Management.Automation.PSObject')
        $inputs[0].description.para | Should -Be 'Names.'
        $inputs[1].description.para | Should -Be 'You can pipe objects whose property names match these parameters or their aliases: Id.'
        $Maml.returnValues.returnValue.type.name | Should -Be 'Sample.Item'
    }

    It 'writes examples, notes and related links' {
        $examples = @($Maml.examples.example)
        $examples[0].title | Should -Be '--------- Example 1: By name ---------'
        $examples[0].code | Should -Be 'Get-Sample -Name a'
        $Maml.alertSet.alert.para | Should -Be 'A note.'
        @($Maml.relatedLinks.navigationLink | ForEach-Object { "$($_.linkText)|$($_.uri)" }) | Should -Be @('about_Sample|', 'Get-Thing|', 'Sample site|https://example.com')
    }
}

Describe 'ConvertTo-AboutText' {
    BeforeAll {
        $path = Join-Path $TestDrive 'about_Sample.md'
        $long = ('word ' * 40).Trim()
        $wideCell = 'a long cell ' * 8
        Set-Content -LiteralPath $path -Encoding utf8 -Value @"
# about_Sample

## Short Description
Describes the sample.

## Long Description
$long

- $long
- short item

``````powershell
Get-Sample -Name a
``````

### A subsection
| Name | Meaning |
|---|---|
| a | first |
| bb | second |

| Name | Meaning |
|---|---|
| x | $wideCell |

## See Also
- Get-Sample
"@
        $script:Problems = [System.Collections.Generic.List[string]]::new()
        $script:Lines = (ConvertTo-AboutText $path $Problems) -split "`n"
    }

    It 'writes the classic layout without a problem' {
        $Problems | Should -BeNullOrEmpty
        $Lines[0..1] | Should -Be @('TOPIC', '    about_Sample')
        $Lines | Should -Contain 'SHORT DESCRIPTION'
        $Lines | Should -Contain '    Describes the sample.'
        $Lines | Should -Contain 'LONG DESCRIPTION'
        $Lines | Should -Contain 'SEE ALSO'
    }

    It 'wraps text at 80 columns, indented four, list items hanging at six' {
        $Lines | Where-Object Length -gt 80 | Should -BeNullOrEmpty
        $start = [array]::IndexOf($Lines, 'LONG DESCRIPTION') + 1
        $Lines[$start] | Should -Match '^    word( word)+$'
        $Lines[$start + 1] | Should -Match '^    word'
        $item = @($Lines | Where-Object { $_ -like '    - word*' })[0]
        $next = $Lines[[array]::IndexOf($Lines, $item) + 1]
        $next | Should -Match '^      word'
        $Lines | Should -Contain '    - short item'
    }

    It 'indents code eight and subsections two, in capitals, after two blank lines' {
        $Lines | Should -Contain '        Get-Sample -Name a'
        $sub = [array]::IndexOf($Lines, '  A SUBSECTION')
        $sub | Should -BeGreaterThan 0
        $Lines[($sub - 2)..($sub - 1)] | Should -Be @('', '')
    }

    It 'writes a narrow table as columns and a wide one as an entry per row' {
        $Lines | Should -Contain '    Name  Meaning'
        $Lines | Should -Contain '    ----  -------'
        $Lines | Should -Contain '    bb    second'
        $x = [array]::IndexOf($Lines, '    x')
        $x | Should -BeGreaterThan 0
        $Lines[$x + 1] | Should -BeLike '        Meaning: a long cell*'
    }

    It 'reports <Case>' -ForEach @(
        @{ Case = 'a title other than the file name'; Text = "# about_Other`n`n## Short Description`nx`n`n## Long Description`ny"; Problem = "*the title '# about_Other' does not match the file name*" }
        @{ Case = 'no long description'; Text = "# about_Sample`n`n## Short Description`nx"; Problem = "*no '## Long Description' section*" }
    ) {
        $path = Join-Path $TestDrive 'case/about_Sample.md'
        New-Item -ItemType Directory -Path (Split-Path $path) -Force | Out-Null
        Set-Content -LiteralPath $path -Value $Text -Encoding utf8
        $problems = [System.Collections.Generic.List[string]]::new()
        $null = ConvertTo-AboutText $path $problems
        @($problems) -like $Problem | Should -Not -BeNullOrEmpty -Because "one of the problems should be like '$Problem'; they were: $($problems -join ' | ')"
    }
}

Describe 'Get-CommandMetadata' {
    BeforeAll {
        $script:Commands = @(Get-CommandMetadata -Path $env:TRACKINGMORE_TEST_MODULE -Name TrackingMore)
    }

    It 'reads every cmdlet of the built module, with its parameters and sets but not the common parameters' {
        $Commands.Count | Should -BeGreaterThan 10
        $newTracking = $Commands | Where-Object Name -eq 'New-Tracking'
        $newTracking.Verb | Should -Be 'New'
        @($newTracking.Parameters | ForEach-Object Name) | Should -Contain 'TrackingNumber'
        @($newTracking.Parameters | ForEach-Object Name) | Should -Not -Contain 'Verbose'
        $newTracking.OutputTypes | Should -Contain 'TrackingMore.Models.Tracking'
        $number = $newTracking.ParameterSets[0].Parameters | Where-Object Name -eq 'TrackingNumber'
        $number.Mandatory, $number.ByPropertyName | Should -Be @($true, $true)
    }

    It 'counts a value the cmdlet requires per pipeline record as required, and leaves hidden parameters out' {
        # [RequiredPerRecord], not Mandatory: RecordCmdlet checks it per record (TrackingMore.MissingColumn).
        $newTracking = $Commands | Where-Object Name -eq 'New-Tracking'
        ($newTracking.ParameterSets[0].Parameters | Where-Object Name -eq 'CarrierCode').Mandatory | Should -BeTrue
        ($newTracking.ParameterSets[0].Parameters | Where-Object Name -eq 'Title').Mandatory | Should -BeFalse
        $getTracking = $Commands | Where-Object Name -eq 'Get-Tracking'
        foreach ($command in $newTracking, $getTracking) {
            @($command.Parameters.Name) | Should -Not -Contain 'InputObject'
            @($command.ParameterSets.Parameters.Name) | Should -Not -Contain 'InputObject'
        }
    }

    It 'names types short and full, and lists accepted values' {
        $getTracking = $Commands | Where-Object Name -eq 'Get-Tracking'
        $status = $getTracking.Parameters | Where-Object Name -eq 'Status'
        $status.AcceptedValues | Should -Contain 'Transit'
        $numbers = $getTracking.Parameters | Where-Object Name -eq 'TrackingNumber'
        $numbers.ShortType, $numbers.FullType, $numbers.IsArray | Should -Be @('String[]', 'System.String[]', $true)
    }

    It 'fails when the path holds another module' {
        $other = Join-Path $TestDrive 'Other'
        New-Item -ItemType Directory -Path $other -Force | Out-Null
        Set-Content (Join-Path $other 'Other.psm1') 'function Get-Nothing { }'
        { Get-CommandMetadata -Path (Join-Path $other 'Other.psm1') -Name TrackingMore 2>$null } | Should -Throw "*Reading the cmdlets of*failed*"
    }
}

Describe 'Build-ModuleHelp' {
    BeforeEach {
        $script:Source = Join-Path $TestDrive "source-$([guid]::NewGuid().ToString('n'))"
        $script:Output = Join-Path $TestDrive "output-$([guid]::NewGuid().ToString('n'))"
        Copy-Item $HelpSource -Destination $Source -Recurse
    }

    It 'writes the MAML and the about topic from complete help' {
        Build-ModuleHelp -ModulePath $env:TRACKINGMORE_TEST_MODULE -SourcePath $Source -OutputPath $Output 6>$null
        $maml = [xml](Get-Content (Join-Path $Output 'TrackingMore.dll-Help.xml') -Raw)
        $manifest = Get-ChildItem $env:TRACKINGMORE_TEST_MODULE -Filter TrackingMore.psd1 -Recurse | Select-Object -First 1
        @($maml.helpItems.command).Count | Should -Be (Import-PowerShellDataFile $manifest.FullName).CmdletsToExport.Count
        Join-Path $Output 'about_TrackingMore.help.txt' | Should -Exist
    }

    It 'fails, listing each gap, when a cmdlet has no markdown or a parameter no description' {
        Remove-Item (Join-Path $Source 'Disconnect-TrackingMore.md')
        $markdown = Join-Path $Source 'New-Tracking.md'
        (Get-Content $markdown -Raw) -replace '(?s)### -PostalCode\r?\n.*?(?=### )', '' | Set-Content $markdown
        $failure = $null
        try { Build-ModuleHelp -ModulePath $env:TRACKINGMORE_TEST_MODULE -SourcePath $Source -OutputPath $Output 6>$null } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.Exception.Message | Should -Match 'Disconnect-TrackingMore: no help'
        $failure.Exception.Message | Should -Match '-PostalCode is not described'
        Join-Path $Output 'TrackingMore.dll-Help.xml' | Should -Not -Exist
    }

    It 'fails when a cmdlet has fewer than two examples' {
        $markdown = Join-Path $Source 'Remove-Tracking.md'
        (Get-Content $markdown -Raw) -replace '(?s)### Example 2.*(?=## PARAMETERS)', '' | Set-Content $markdown
        { Build-ModuleHelp -ModulePath $env:TRACKINGMORE_TEST_MODULE -SourcePath $Source -OutputPath $Output 6>$null } |
            Should -Throw -ExpectedMessage '*Remove-Tracking.md: 1 example(s); at least 2 are needed*'
    }

    It 'fails when a yaml block says what the built cmdlet does not' {
        $markdown = Join-Path $Source 'New-Tracking.md'
        (Get-Content $markdown -Raw) -replace '(?s)(### -TrackingNumber.*?)Required: True', '$1Required: False' | Set-Content $markdown
        { Build-ModuleHelp -ModulePath $env:TRACKINGMORE_TEST_MODULE -SourcePath $Source -OutputPath $Output 6>$null } |
            Should -Throw -ExpectedMessage "*New-Tracking.md:*: the *yaml block of -TrackingNumber says 'Required: False'; the cmdlet has 'Required: True'*"
    }

    It 'skips markdown for a cmdlet the module does not export' {
        Set-Content (Join-Path $Source 'Invoke-NotYetWritten.md') "# Invoke-NotYetWritten`n`n## SYNOPSIS`nNot written yet."
        $verbose = Build-ModuleHelp -ModulePath $env:TRACKINGMORE_TEST_MODULE -SourcePath $Source -OutputPath $Output -Verbose 4>&1 3>$null 6>$null
        ($verbose | Out-String) | Should -Match 'Skipping Invoke-NotYetWritten.md'
        Get-Content (Join-Path $Output 'TrackingMore.dll-Help.xml') -Raw | Should -Not -Match 'Invoke-NotYetWritten'
    }
}
