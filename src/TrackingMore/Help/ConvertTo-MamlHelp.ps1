#Requires -Version 7.2
<#
.SYNOPSIS
    Builds the module's help from the markdown in this folder and the built cmdlets' own metadata.
.DESCRIPTION
    Writes two kinds of file to -OutputPath (the module's en-US folder):
      TrackingMore.dll-Help.xml   MAML for every exported cmdlet, from <Verb-Noun>.md
      about_*.help.txt            one per about_*.md, as plain text wrapped at 80 columns

    Parameter types, Mandatory, Position, pipeline input, aliases, wildcard support, accepted values and the parameter
    sets of the syntax come from the built assembly: a child pwsh imports the module and reports
    Get-Command -Module TrackingMore (so this pwsh never loads, or locks, the dll). The markdown gives the words only.
    The format of the markdown is described in README.md beside this script.

    Nothing is written unless every exported cmdlet has complete help. Problems are collected and thrown together:
      - an exported cmdlet without <Verb-Noun>.md
      - a parameter without a description (common parameters, -WhatIf/-Confirm and the paging parameters -First,
        -Skip, -IncludeTotalCount get standard text), or a description of a parameter the cmdlet does not have
      - no synopsis, no description, fewer than two examples, an example without code, no related link
      - markdown this script cannot read (an unknown section, text before an example's code, ...)
    A markdown file whose cmdlet the module does not export (yet) is skipped with a verbose message.
.PARAMETER ModulePath
    The built module to describe: its folder (out/TrackingMore or out/TrackingMore/<version>) or its .psd1.
.PARAMETER OutputPath
    Where the help files go, normally out/TrackingMore/<version>/en-US. Created when missing.
.PARAMETER SourcePath
    The folder of markdown. Defaults to this script's folder.
.PARAMETER ModuleName
    The module whose cmdlets are described; also names the MAML file (<ModuleName>.dll-Help.xml).
.EXAMPLE
    ./src/TrackingMore/Help/ConvertTo-MamlHelp.ps1 -ModulePath ./out/TrackingMore -OutputPath ./out/TrackingMore/0.1.0/en-US -Verbose
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath,
    [string] $SourcePath = $PSScriptRoot,
    [string] $ModuleName = 'TrackingMore'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

# Parameters every cmdlet may have that need no markdown: their text is standard. A markdown section overrides it.
$StandardParameterHelp = [ordered]@{
    WhatIf            = @{ Default = 'False'; Text = @('Shows what would happen if the cmdlet runs. The cmdlet is not run: nothing is sent to the API.') }
    Confirm           = @{ Default = 'False'; Text = @('Prompts you for confirmation before running the cmdlet.') }
    First             = @{ Default = 'None'; Text = @('Gets only the specified number of objects. Only the requests needed for them are sent.') }
    Skip              = @{ Default = '0'; Text = @('Ignores the specified number of objects and then gets the remaining objects.') }
    IncludeTotalCount = @{ Default = 'False'; Text = @('Reports the total number of objects in the data set (an integer) before the objects themselves. If the cmdlet cannot determine the total count, it reports "Unknown total count". The integer has an Accuracy property that tells how reliable the count is.') }
}

$KnownSections = 'Synopsis', 'Description', 'Parameters', 'Inputs', 'Outputs', 'Notes', 'Examples', 'Related Links'

#region Metadata: the built cmdlets, read in a child pwsh

# The pwsh running this script, as a command line: the dotnet tool runs as 'dotnet pwsh.dll', an installed one as 'pwsh'.
function Get-PwshCommandLine {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'pwsh') { return , @($process) }
    return , @($process, (Join-Path $PSHOME 'pwsh.dll'))
}

function Get-CommandMetadata {
    param([string] $Path, [string] $Name)
    $jsonPath = [IO.Path]::Combine([IO.Path]::GetTempPath(), "trackingmore-help-$PID-$([guid]::NewGuid().ToString('n')).json")
    # Runs in the child. Positions are -1 when a parameter is not positional.
    $childScript = @'
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$module = Import-Module -Name '{0}' -PassThru -Force
if ($module.Name -ne '{1}') {{ throw "'{0}' is the module '$($module.Name)', not '{1}'." }}
$skip = [System.Management.Automation.Cmdlet]::CommonParameters + @('UseTransaction')
function Get-ShortTypeName([type] $Type) {{
    if ($Type.IsArray) {{ return (Get-ShortTypeName $Type.GetElementType()) + '[]' }}
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) {{ return Get-ShortTypeName $inner }}
    if ($Type.IsGenericType) {{ return ($Type.Name -replace '`\d+$', '') + '[' + (($Type.GetGenericArguments() | ForEach-Object {{ Get-ShortTypeName $_ }}) -join ', ') + ']' }}
    return $Type.Name
}}
function Get-FullTypeName([type] $Type) {{
    if ($Type.IsArray) {{ return (Get-FullTypeName $Type.GetElementType()) + '[]' }}
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) {{ return Get-FullTypeName $inner }}
    if ($Type.IsGenericType) {{ return ($Type.GetGenericTypeDefinition().FullName -replace '`\d+$', '') + '[' + (($Type.GetGenericArguments() | ForEach-Object {{ Get-FullTypeName $_ }}) -join ', ') + ']' }}
    return $Type.FullName
}}
function Get-ElementType([type] $Type) {{
    if ($Type.IsArray) {{ $Type = $Type.GetElementType() }}
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) {{ return $inner }}
    return $Type
}}
$commands = foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet -ListImported | Sort-Object Name) {{
    $parameters = foreach ($parameter in $command.Parameters.Values) {{
        if ($parameter.Name -in $skip) {{ continue }}
        $element = Get-ElementType $parameter.ParameterType
        $accepted = @()
        if ($element.IsEnum) {{ $accepted = [Enum]::GetNames($element) }}
        $range = $null
        $wildcards = $false
        foreach ($attribute in $parameter.Attributes) {{
            if ($attribute -is [System.Management.Automation.ValidateSetAttribute]) {{ $accepted = @($attribute.ValidValues) }}
            if ($attribute -is [System.Management.Automation.ValidateRangeAttribute] -and $null -ne $attribute.MinRange) {{ $range = @{{ Min = "$($attribute.MinRange)"; Max = "$($attribute.MaxRange)" }} }}
            if ($attribute -is [System.Management.Automation.SupportsWildcardsAttribute]) {{ $wildcards = $true }}
        }}
        [ordered]@{{
            Name           = $parameter.Name
            ShortType      = Get-ShortTypeName $parameter.ParameterType
            FullType       = Get-FullTypeName $parameter.ParameterType
            IsSwitch       = [bool]$parameter.SwitchParameter
            IsArray        = [bool]$parameter.ParameterType.IsArray
            Aliases        = @($parameter.Aliases)
            AcceptedValues = @($accepted)
            Range          = $range
            Wildcards      = $wildcards
        }}
    }}
    $sets = foreach ($set in $command.ParameterSets) {{
        [ordered]@{{
            Name       = $set.Name
            IsDefault  = [bool]$set.IsDefault
            Parameters = @(foreach ($parameter in $set.Parameters) {{
                if ($parameter.Name -in $skip) {{ continue }}
                [ordered]@{{
                    Name                  = $parameter.Name
                    Mandatory             = [bool]$parameter.IsMandatory
                    Position              = if ($parameter.Position -ge 0) {{ $parameter.Position }} else {{ -1 }}
                    ByValue               = [bool]$parameter.ValueFromPipeline
                    ByPropertyName        = [bool]$parameter.ValueFromPipelineByPropertyName
                    RemainingArguments    = [bool]$parameter.ValueFromRemainingArguments
                }}
            }})
        }}
    }}
    [ordered]@{{
        Name          = $command.Name
        Verb          = $command.Verb
        Noun          = $command.Noun
        OutputTypes   = @($command.OutputType | ForEach-Object {{ if ($_.Type) {{ Get-FullTypeName $_.Type }} else {{ $_.Name }} }})
        Parameters    = @($parameters)
        ParameterSets = @($sets)
    }}
}}
ConvertTo-Json -InputObject @($commands) -Depth 8 | Set-Content -LiteralPath '{2}' -Encoding utf8
'@ -f ($Path -replace "'", "''"), $Name, ($jsonPath -replace "'", "''")

    $pwsh = Get-PwshCommandLine
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($childScript))
    try {
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded
        if ($LASTEXITCODE -ne 0 -or -not (Test-Path $jsonPath)) {
            throw "Reading the cmdlets of '$Path' in a child pwsh failed (exit code $LASTEXITCODE); see the error above."
        }
        return @(Get-Content -LiteralPath $jsonPath -Raw | ConvertFrom-Json)
    } finally {
        Remove-Item -LiteralPath $jsonPath -ErrorAction SilentlyContinue
    }
}

#endregion

#region Markdown: a small reader for the structure described in README.md

# Markdown inline syntax to plain text: `code` -> code, **bold** -> bold, [text](url) -> text (url), [Cmdlet](Cmdlet.md) -> Cmdlet.
function ConvertTo-PlainText([string] $Text) {
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)\s]+)\)', {
            param($match)
            $label = $match.Groups[1].Value
            $target = $match.Groups[2].Value
            if ($target -notmatch '^[a-z][a-z0-9+.-]*:' -or $target -eq $label) { $label } else { "$label ($target)" }
        })
    $Text = [regex]::Replace($Text, '`([^`]+)`', '$1')
    $Text = [regex]::Replace($Text, '\*\*([^*]+)\*\*', '$1')
    $Text = [regex]::Replace($Text, '\\([\\`*_{}\[\]()#+.!|<>-])', '$1')
    return $Text
}

# Splits body lines into blocks: Para (Text), Item (Text, a list item), Code (Lines, Language), Table (Rows of cells).
function ConvertTo-Block([string[]] $Lines, [string] $Where, [System.Collections.Generic.List[string]] $Problems) {
    $blocks = [System.Collections.Generic.List[object]]::new()
    $i = 0
    while ($i -lt $Lines.Count) {
        $line = $Lines[$i]
        if ($line -match '^\s*$') { $i++; continue }
        if ($line -match '^\s*```\s*([\w-]*)\s*$') {
            $language = $Matches[1]
            $code = [System.Collections.Generic.List[string]]::new()
            $i++
            while ($i -lt $Lines.Count -and $Lines[$i] -notmatch '^\s*```\s*$') { $code.Add($Lines[$i]); $i++ }
            if ($i -ge $Lines.Count) { $Problems.Add("${Where}: a code block is not closed with ``````.") }
            $i++
            $blocks.Add([pscustomobject]@{ Kind = 'Code'; Lines = @($code); Language = $language })
            continue
        }
        if ($line -match '^\s*\|') {
            $rows = [System.Collections.Generic.List[object]]::new()
            while ($i -lt $Lines.Count -and $Lines[$i] -match '^\s*\|') {
                $row = $Lines[$i].Trim()
                $i++
                if ($row -match '^\|[\s:|-]+\|?$') { continue }   # the |---|---| line under the header
                $cells = [regex]::Split($row.Trim('|'), '(?<!\\)\|') | ForEach-Object { ConvertTo-PlainText $_.Trim() }
                $rows.Add(@($cells))
            }
            $blocks.Add([pscustomobject]@{ Kind = 'Table'; Rows = @($rows) })
            continue
        }
        $isItem = $line -match '^\s*(?:[-*]|\d+\.)\s+(.*)$'
        $text = if ($isItem) { $Matches[1] } else { $line.Trim() }
        $i++
        while ($i -lt $Lines.Count -and $Lines[$i] -notmatch '^\s*$' -and $Lines[$i] -notmatch '^\s*(```|\||[-*]\s|\d+\.\s)') {
            $text += ' ' + $Lines[$i].Trim()
            $i++
        }
        $blocks.Add([pscustomobject]@{ Kind = if ($isItem) { 'Item' } else { 'Para' }; Text = ConvertTo-PlainText $text; Raw = $text })
    }
    $blocks
}

# Blocks as MAML paragraphs: one per paragraph, "- " before list items, tables a row a paragraph, code lines indented.
function ConvertTo-Paragraph([object[]] $Blocks) {
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    foreach ($block in $Blocks) {
        switch ($block.Kind) {
            'Para' { $paragraphs.Add($block.Text) }
            'Item' { $paragraphs.Add('- ' + $block.Text) }
            'Code' { $paragraphs.Add((($block.Lines | ForEach-Object { '    ' + $_ }) -join "`n")) }
            'Table' {
                $header = $block.Rows[0]
                foreach ($row in $block.Rows | Select-Object -Skip 1) {
                    $rest = for ($c = 1; $c -lt $row.Count; $c++) { if ($row[$c]) { if ($c -lt $header.Count -and $c -gt 1) { "$($header[$c]): $($row[$c])" } else { $row[$c] } } }
                    $paragraphs.Add("- $($row[0]): " + ($rest -join '; '))
                }
            }
        }
    }
    $paragraphs
}

# A file as H1 title, then H2 sections in order, each with its own lines and its H3 subsections.
function Read-MarkdownOutline([string] $Path, [System.Collections.Generic.List[string]] $Problems) {
    $lines = @(Get-Content -LiteralPath $Path -Encoding utf8)
    $file = Split-Path $Path -Leaf
    $outline = [pscustomobject]@{ Title = $null; Sections = [System.Collections.Generic.List[object]]::new() }
    $section = $null
    $sub = $null
    $inCode = $false
    for ($n = 0; $n -lt $lines.Count; $n++) {
        $line = $lines[$n]
        if ($line -match '^\s*```') { $inCode = -not $inCode }
        if (-not $inCode -and $line -match '^(#{1,3})\s+(.+?)\s*#*\s*$') {
            $level = $Matches[1].Length
            $heading = $Matches[2]
            if ($level -eq 1) {
                if ($outline.Title) { $Problems.Add("${file}:$($n + 1): a second '# ' title.") }
                $outline.Title = $heading
                continue
            }
            if ($level -eq 2) {
                $section = [pscustomobject]@{ Name = $heading; Line = $n + 1; Lines = [System.Collections.Generic.List[string]]::new(); Subsections = [System.Collections.Generic.List[object]]::new() }
                $outline.Sections.Add($section)
                $sub = $null
                continue
            }
            if (-not $section) { $Problems.Add("${file}:$($n + 1): '### $heading' comes before any '## ' section."); continue }
            $sub = [pscustomobject]@{ Name = $heading; Line = $n + 1; Lines = [System.Collections.Generic.List[string]]::new() }
            $section.Subsections.Add($sub)
            continue
        }
        if ($sub) { $sub.Lines.Add($line) }
        elseif ($section) { $section.Lines.Add($line) }
        elseif ($line -match '\S') { $Problems.Add("${file}:$($n + 1): text before the first '## ' section.") }
    }
    if (-not $outline.Title) { $Problems.Add("${file}: no '# ' title.") }
    return $outline
}

function Read-CmdletMarkdown([string] $Path, [System.Collections.Generic.List[string]] $Problems) {
    $file = Split-Path $Path -Leaf
    $outline = Read-MarkdownOutline $Path $Problems
    $help = [pscustomobject]@{
        File = $file; Name = $outline.Title; Synopsis = @(); Description = @(); Parameters = [ordered]@{}
        Inputs = [ordered]@{}; Outputs = [ordered]@{}; Notes = @(); Examples = [System.Collections.Generic.List[object]]::new()
        Links = [System.Collections.Generic.List[object]]::new()
    }
    $expected = [IO.Path]::GetFileNameWithoutExtension($Path)
    if ($outline.Title -and $outline.Title -ne $expected) { $Problems.Add("${file}: the title '# $($outline.Title)' does not match the file name; it should be '# $expected'.") }
    $seen = @{}
    foreach ($section in $outline.Sections) {
        $name = $KnownSections | Where-Object { $_ -eq $section.Name }
        $where = "${file}:$($section.Line)"
        if (-not $name) { $Problems.Add("${where}: unknown section '## $($section.Name)'; the sections are: $($KnownSections -join ', ')."); continue }
        if ($seen[$name]) { $Problems.Add("${where}: a second '## $name' section."); continue }
        $seen[$name] = $true
        $body = @(ConvertTo-Block $section.Lines $where $Problems)
        $takesSubsections = $name -in 'Parameters', 'Inputs', 'Outputs', 'Examples'
        if (-not $takesSubsections -and $section.Subsections.Count) { $Problems.Add("${where}: '## $name' takes no '### ' subsections (found '### $($section.Subsections[0].Name)').") }
        switch ($name) {
            'Synopsis' { $help.Synopsis = @(ConvertTo-Paragraph $body) }
            'Description' { $help.Description = @(ConvertTo-Paragraph $body) }
            'Notes' { $help.Notes = @(ConvertTo-Paragraph $body) }
            'Related Links' {
                foreach ($block in $body) {
                    if ($block.Kind -ne 'Item') { $Problems.Add("${where}: '## Related Links' holds a list ('- Get-Tracking' or '- [text](https://...)') and nothing else."); continue }
                    # '- [text](https://...)' links to the web; '- Get-Tracking' or '- [Get-Tracking](Get-Tracking.md)' names a topic.
                    if ($block.Raw -match '^\[([^\]]+)\]\(([a-z][a-z0-9+.-]*:[^)\s]+)\)$') { $help.Links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] }) }
                    else { $help.Links.Add([pscustomobject]@{ Text = $block.Text; Uri = '' }) }
                }
            }
            { $_ -in 'Parameters', 'Inputs', 'Outputs', 'Examples' } {
                if ($body.Count) { $Problems.Add("${where}: text directly under '## $name'; put it under a '### ' subsection.") }
            }
            'Parameters' {
                foreach ($sub in $section.Subsections) {
                    $subWhere = "${file}:$($sub.Line)"
                    if ($sub.Name -notmatch '^-(\w+)$') { $Problems.Add("${subWhere}: a parameter heading is '### -Name', not '### $($sub.Name)'."); continue }
                    $parameterName = $Matches[1]
                    $default = $null
                    $blocks = foreach ($block in ConvertTo-Block $sub.Lines $subWhere $Problems) {
                        # A paragraph 'Default value: X' is the value Get-Help shows as the default, not part of the text.
                        if ($block.Kind -eq 'Para' -and $block.Text -match '^Default value:\s*(.+)$') { $default = $Matches[1].Trim() } else { $block }
                    }
                    if ($help.Parameters.Contains($parameterName)) { $Problems.Add("${subWhere}: -$parameterName is described twice."); continue }
                    $help.Parameters[$parameterName] = [pscustomobject]@{ Text = @(ConvertTo-Paragraph @($blocks)); Default = $default }
                }
            }
            { $_ -in 'Inputs', 'Outputs' } {
                $types = $help.$name
                foreach ($sub in $section.Subsections) {
                    $types[$sub.Name.Trim()] = @(ConvertTo-Paragraph @(ConvertTo-Block $sub.Lines "${file}:$($sub.Line)" $Problems))
                }
            }
            'Examples' {
                foreach ($sub in $section.Subsections) {
                    $subWhere = "${file}:$($sub.Line)"
                    if ($sub.Name -notmatch '^Example \d+') { $Problems.Add("${subWhere}: an example heading is '### Example N: title', not '### $($sub.Name)'.") }
                    $blocks = @(ConvertTo-Block $sub.Lines $subWhere $Problems)
                    $code = if ($blocks.Count -and $blocks[0].Kind -eq 'Code') { $blocks[0].Lines -join "`n" } else { '' }
                    if (-not $code.Trim()) { $Problems.Add("${subWhere}: '$($sub.Name)' must start with a ``````powershell code block; the explanation follows it.") }
                    $help.Examples.Add([pscustomobject]@{ Title = $sub.Name; Code = $code; Remarks = @(ConvertTo-Paragraph @($blocks | Select-Object -Skip 1)) })
                }
            }
        }
    }
    return $help
}

#endregion

#region MAML

$Ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

function Write-Element([System.Xml.XmlWriter] $Writer, [string] $Prefix, [string] $Name, [string] $Text) {
    $Writer.WriteStartElement($Prefix, $Name, $Ns[$Prefix])
    if ($Text) { $Writer.WriteString($Text) }
    $Writer.WriteEndElement()
}

function Write-Description([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs, [string] $Prefix = 'maml', [string] $Name = 'description') {
    $Writer.WriteStartElement($Prefix, $Name, $Ns[$Prefix])
    if (-not $Paragraphs) { $Paragraphs = @('') }
    foreach ($paragraph in $Paragraphs) { Write-Element $Writer 'maml' 'para' $paragraph }
    $Writer.WriteEndElement()
}

function Write-Type([System.Xml.XmlWriter] $Writer, [string] $TypeName) {
    $Writer.WriteStartElement('dev', 'type', $Ns.dev)
    Write-Element $Writer 'maml' 'name' $TypeName
    Write-Element $Writer 'maml' 'uri' ''
    $Writer.WriteEndElement()
}

# The facts Get-Help shows beside a parameter, merged over the parameter sets it belongs to.
function Get-ParameterFacts($Command, $Parameter) {
    $inSets = @($Command.ParameterSets | ForEach-Object { $set = $_; $set.Parameters | Where-Object Name -eq $Parameter.Name | ForEach-Object { [pscustomobject]@{ Set = $set.Name; Info = $_ } } })
    $describe = {
        param($Values, [scriptblock] $Format)
        $distinct = @($Values | ForEach-Object { & $Format $_.Info } | Select-Object -Unique)
        if ($distinct.Count -le 1) { return "$($distinct | Select-Object -First 1)" }
        return (($Values | ForEach-Object { "$(& $Format $_.Info) ($($_.Set))" }) -join '; ')
    }
    [pscustomobject]@{
        Required      = & $describe $inSets { param($i) if ($i.Mandatory) { 'true' } else { 'false' } }
        Position      = & $describe $inSets { param($i) if ($i.Position -ge 0) { "$($i.Position)" } else { 'named' } }
        PipelineInput = & $describe $inSets { param($i) Get-PipelineText $i }
        Sets          = @($inSets | ForEach-Object Set)
    }
}

function Get-PipelineText($Info) {
    $ways = @(if ($Info.ByValue) { 'ByValue' }; if ($Info.ByPropertyName) { 'ByPropertyName' })
    if ($ways.Count) { "True ($($ways -join ', '))" } else { 'False' }
}

function Write-Parameter([System.Xml.XmlWriter] $Writer, $Parameter, $Text, [string] $Default, [string] $Required, [string] $Position, [string] $PipelineInput) {
    $Writer.WriteStartElement('command', 'parameter', $Ns.command)
    $Writer.WriteAttributeString('required', $Required)
    $Writer.WriteAttributeString('variableLength', $(if ($Parameter.IsArray) { 'true' } else { 'false' }))
    $Writer.WriteAttributeString('globbing', $(if ($Parameter.Wildcards) { 'true' } else { 'false' }))
    $Writer.WriteAttributeString('pipelineInput', $PipelineInput)
    $Writer.WriteAttributeString('position', $Position)
    $Writer.WriteAttributeString('aliases', $(if (@($Parameter.Aliases).Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    Write-Element $Writer 'maml' 'name' $Parameter.Name
    Write-Description $Writer $Text
    if (@($Parameter.AcceptedValues).Count) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $Ns.command)
        foreach ($value in $Parameter.AcceptedValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $Ns.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $Ns.command, 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not $Parameter.IsSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $Ns.command)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', $(if ($Parameter.IsArray) { 'true' } else { 'false' }))
        $Writer.WriteString($Parameter.ShortType)
        $Writer.WriteEndElement()
    }
    Write-Type $Writer $Parameter.FullType
    Write-Element $Writer 'dev' 'defaultValue' $Default
    $Writer.WriteEndElement()
}

# Everything Get-Help shows for one parameter: the markdown's words (or the standard text), then facts from metadata.
function Get-ParameterHelp($Command, $Parameter, $Help) {
    $entry = if ($Help.Parameters.Contains($Parameter.Name)) { $Help.Parameters[$Parameter.Name] } else { $null }
    $standard = $StandardParameterHelp[$Parameter.Name]
    $text = @(if ($entry) { $entry.Text } elseif ($standard) { $standard.Text })
    $default = if ($entry -and $entry.Default) { $entry.Default } elseif ($standard) { $standard.Default } elseif ($Parameter.IsSwitch) { 'False' } else { 'None' }
    if (@($Parameter.AcceptedValues).Count) { $text += "Accepted values: $($Parameter.AcceptedValues -join ', ')." }
    if ($Parameter.Range) {
        $text += if ($Parameter.Range.Max -in "$([int]::MaxValue)", "$([long]::MaxValue)") { "Valid range: $($Parameter.Range.Min) or more." }
        else { "Valid range: $($Parameter.Range.Min) to $($Parameter.Range.Max)." }
    }
    $facts = Get-ParameterFacts $Command $Parameter
    if ($Command.ParameterSets.Count -gt 1 -and $facts.Sets.Count -lt $Command.ParameterSets.Count) {
        $text += "Parameter sets: $($facts.Sets -join ', ')."
    }
    [pscustomobject]@{ Text = $text; Default = $default; Facts = $facts }
}

function Get-SortedSetParameters($Set) {
    $positional = @($Set.Parameters | Where-Object Position -ge 0 | Sort-Object Position)
    $named = @($Set.Parameters | Where-Object Position -lt 0)
    $positional + @($named | Where-Object Mandatory) + @($named | Where-Object { -not $_.Mandatory })
}

function Get-InputHelp($Command, $Help) {
    $entries = [ordered]@{}
    $all = @($Command.ParameterSets | ForEach-Object { $_.Parameters })
    $byValue = @($all | Where-Object ByValue | Select-Object -ExpandProperty Name -Unique)
    foreach ($name in $byValue) {
        $parameter = $Command.Parameters | Where-Object Name -eq $name
        $type = $parameter.FullType -replace '\[\]$', ''
        $entries[$type] = @("You can pipe a $($parameter.ShortType -replace '\[\]$', '') to -$name.")
    }
    $byName = @($all | Where-Object ByPropertyName | Select-Object -ExpandProperty Name -Unique)
    if ($byName.Count) {
        $entries['System.Management.Automation.PSObject'] = @("You can pipe objects whose property names match these parameters or their aliases: $($byName -join ', ').")
    }
    Merge-TypeHelp $entries $Help.Inputs
}

function Get-OutputHelp($Command, $Help) {
    $entries = [ordered]@{}
    foreach ($type in $Command.OutputTypes) { $entries[$type] = @() }
    Merge-TypeHelp $entries $Help.Outputs
}

# Types from metadata, with the markdown's words for each (matched by full or short name); types only the markdown names are kept.
function Merge-TypeHelp([System.Collections.Specialized.OrderedDictionary] $FromMetadata, [System.Collections.Specialized.OrderedDictionary] $FromMarkdown) {
    $result = [ordered]@{}
    foreach ($type in $FromMetadata.Keys) { $result[$type] = $FromMetadata[$type] }
    foreach ($name in $FromMarkdown.Keys) {
        $match = $result.Keys | Where-Object { $_ -eq $name -or ($_ -split '\.')[-1] -eq $name } | Select-Object -First 1
        if ($match) { $result[$match] = $FromMarkdown[$name] } else { $result[$name] = $FromMarkdown[$name] }
    }
    if (-not $result.Count) { $result['None'] = @() }
    $result
}

function Write-CommandHelp([System.Xml.XmlWriter] $Writer, $Command, $Help) {
    $Writer.WriteStartElement('command', 'command', $Ns.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') { $Writer.WriteAttributeString('xmlns', $prefix, $null, $Ns[$prefix]) }

    $Writer.WriteStartElement('command', 'details', $Ns.command)
    Write-Element $Writer 'command' 'name' $Command.Name
    Write-Element $Writer 'command' 'verb' $Command.Verb
    Write-Element $Writer 'command' 'noun' $Command.Noun
    Write-Description $Writer $Help.Synopsis
    $Writer.WriteEndElement()

    Write-Description $Writer $Help.Description

    $parameterHelp = @{}
    foreach ($parameter in $Command.Parameters) { $parameterHelp[$parameter.Name] = Get-ParameterHelp $Command $parameter $Help }

    $Writer.WriteStartElement('command', 'syntax', $Ns.command)
    foreach ($set in @($Command.ParameterSets | Where-Object IsDefault) + @($Command.ParameterSets | Where-Object { -not $_.IsDefault })) {
        $Writer.WriteStartElement('command', 'syntaxItem', $Ns.command)
        Write-Element $Writer 'maml' 'name' $Command.Name
        foreach ($info in Get-SortedSetParameters $set) {
            $parameter = $Command.Parameters | Where-Object Name -eq $info.Name
            $words = $parameterHelp[$info.Name]
            Write-Parameter $Writer $parameter $words.Text $words.Default `
                $(if ($info.Mandatory) { 'true' } else { 'false' }) $(if ($info.Position -ge 0) { "$($info.Position)" } else { 'named' }) (Get-PipelineText $info)
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # The parameters in the markdown's order, then the ones with standard text in the cmdlet's order.
    $ordered = @($Help.Parameters.Keys | ForEach-Object { $name = $_; $Command.Parameters | Where-Object Name -eq $name }) +
        @($Command.Parameters | Where-Object { -not $Help.Parameters.Contains($_.Name) })
    $Writer.WriteStartElement('command', 'parameters', $Ns.command)
    foreach ($parameter in $ordered) {
        $words = $parameterHelp[$parameter.Name]
        Write-Parameter $Writer $parameter $words.Text $words.Default $words.Facts.Required $words.Facts.Position $words.Facts.PipelineInput
    }
    $Writer.WriteEndElement()

    foreach ($kind in @(@{ List = 'inputTypes'; Item = 'inputType'; Entries = Get-InputHelp $Command $Help }, @{ List = 'returnValues'; Item = 'returnValue'; Entries = Get-OutputHelp $Command $Help })) {
        $Writer.WriteStartElement('command', $kind.List, $Ns.command)
        foreach ($type in $kind.Entries.Keys) {
            $Writer.WriteStartElement('command', $kind.Item, $Ns.command)
            $Writer.WriteStartElement('dev', 'type', $Ns.dev)
            Write-Element $Writer 'maml' 'name' $type
            $Writer.WriteEndElement()
            Write-Description $Writer $kind.Entries[$type]
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    if ($Help.Notes) {
        $Writer.WriteStartElement('maml', 'alertSet', $Ns.maml)
        $Writer.WriteStartElement('maml', 'alert', $Ns.maml)
        foreach ($paragraph in $Help.Notes) { Write-Element $Writer 'maml' 'para' $paragraph }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('command', 'examples', $Ns.command)
    foreach ($example in $Help.Examples) {
        $Writer.WriteStartElement('command', 'example', $Ns.command)
        Write-Element $Writer 'maml' 'title' "--------- $($example.Title) ---------"
        Write-Element $Writer 'dev' 'code' $example.Code
        # The empty paragraph at the end puts a blank line between one example's text and the next example's title.
        Write-Description $Writer (@($example.Remarks) + '') 'dev' 'remarks'
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('maml', 'relatedLinks', $Ns.maml)
    foreach ($link in $Help.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $Ns.maml)
        Write-Element $Writer 'maml' 'linkText' $link.Text
        Write-Element $Writer 'maml' 'uri' $link.Uri
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

#endregion

#region about topics: markdown to the classic plain-text layout (TOPIC / SHORT DESCRIPTION / LONG DESCRIPTION ...)

function Format-Wrapped([string] $Text, [int] $Indent, [int] $Width = 80, [int] $HangingIndent = $Indent) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $current = ' ' * $Indent
    $empty = $true
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if (-not $empty -and $current.Length + 1 + $word.Length -gt $Width) {
            $lines.Add($current)
            $current = (' ' * $HangingIndent) + $word
        } else {
            $current += $(if ($empty) { '' } else { ' ' }) + $word
        }
        $empty = $false
    }
    if (-not $empty) { $lines.Add($current) }
    $lines
}

function Format-TextTable([object[]] $Rows, [int] $Indent) {
    $columns = ($Rows | ForEach-Object { $_.Count } | Measure-Object -Maximum).Maximum
    $widths = for ($c = 0; $c -lt $columns; $c++) { ($Rows | ForEach-Object { if ($c -lt $_.Count) { $_[$c].Length } else { 0 } } | Measure-Object -Maximum).Maximum }
    $total = $Indent + ($widths | Measure-Object -Sum).Sum + 2 * ($columns - 1)
    $out = [System.Collections.Generic.List[string]]::new()
    if ($total -le 80) {
        foreach ($row in $Rows) {
            $cells = for ($c = 0; $c -lt $columns; $c++) { "$(if ($c -lt $row.Count) { $row[$c] })".PadRight($widths[$c]) }
            $out.Add(((' ' * $Indent) + ($cells -join '  ')).TrimEnd())
            if ([object]::ReferenceEquals($row, $Rows[0])) { $out.Add((' ' * $Indent) + (($widths | ForEach-Object { '-' * $_ }) -join '  ')) }
        }
        return $out
    }
    # Too wide for columns: each row as a term (its first cell) with the other cells, labelled by the header, below it.
    $header = $Rows[0]
    foreach ($row in $Rows | Select-Object -Skip 1) {
        $out.Add((' ' * $Indent) + $row[0])
        for ($c = 1; $c -lt $row.Count; $c++) {
            if (-not $row[$c]) { continue }
            $label = if ($c -lt $header.Count -and $header[$c]) { "$($header[$c]): " } else { '' }
            $out.AddRange([string[]]@(Format-Wrapped ($label + $row[$c]) ($Indent + 4)))
        }
        $out.Add('')
    }
    if ($out.Count -and $out[$out.Count - 1] -eq '') { $out.RemoveAt($out.Count - 1) }
    $out
}

function ConvertTo-AboutText([string] $Path, [System.Collections.Generic.List[string]] $Problems) {
    $file = Split-Path $Path -Leaf
    $outline = Read-MarkdownOutline $Path $Problems
    $topic = [IO.Path]::GetFileNameWithoutExtension($Path)
    if ($outline.Title -and $outline.Title -ne $topic) { $Problems.Add("${file}: the title '# $($outline.Title)' does not match the file name; it should be '# $topic'.") }
    foreach ($required in 'Short Description', 'Long Description') {
        if (-not ($outline.Sections | Where-Object Name -eq $required)) { $Problems.Add("${file}: no '## $required' section.") }
    }
    $out = [System.Collections.Generic.List[string]]::new()
    # A heading's first block follows it directly; blocks are separated by a blank line, list items are not.
    $renderBody = {
        param([string[]] $Lines, [string] $Where)
        $previous = 'Heading'
        foreach ($block in ConvertTo-Block $Lines $Where $Problems) {
            if ($previous -ne 'Heading' -and -not ($previous -eq 'Item' -and $block.Kind -eq 'Item')) { $out.Add('') }
            switch ($block.Kind) {
                'Para' { $out.AddRange([string[]]@(Format-Wrapped $block.Text 4)) }
                'Item' { $out.AddRange([string[]]@(Format-Wrapped ('- ' + $block.Text) 4 -HangingIndent 6)) }
                'Code' { foreach ($line in $block.Lines) { $out.Add(("        $line").TrimEnd()) } }
                'Table' { $out.AddRange([string[]]@(Format-TextTable $block.Rows 4)) }
            }
            $previous = $block.Kind
        }
    }
    $out.Add('TOPIC')
    $out.Add("    $topic")
    foreach ($section in $outline.Sections) {
        $out.Add('')
        $out.Add($section.Name.ToUpperInvariant())
        & $renderBody $section.Lines "${file}:$($section.Line)"
        foreach ($sub in $section.Subsections) {
            $out.Add('')
            $out.Add('')
            $out.Add('  ' + $sub.Name.ToUpperInvariant())
            & $renderBody $sub.Lines "${file}:$($sub.Line)"
        }
    }
    return ($out -join "`n").TrimEnd() + "`n"
}

#endregion

#region Main

# What every cmdlet's help needs besides its parameters.
function Test-HelpContent($Help) {
    $file = $Help.File
    if (-not ($Help.Synopsis -join '').Trim()) { "${file}: no '## Synopsis'." }
    if (-not ($Help.Description -join '').Trim()) { "${file}: no '## Description'." }
    if ($Help.Examples.Count -lt 2) { "${file}: $($Help.Examples.Count) example(s); at least 2 are needed under '## Examples'." }
    if (-not $Help.Links.Count) { "${file}: no '## Related Links'." }
}

$problems = [System.Collections.Generic.List[string]]::new()
$warnings = [System.Collections.Generic.List[string]]::new()
if (-not (Test-Path $SourcePath -PathType Container)) { throw "The help source folder '$SourcePath' does not exist." }

# A version folder (out/TrackingMore/0.1.0) cannot be imported by its name; its manifest can.
$modulePathResolved = (Resolve-Path $ModulePath).Path
$manifest = Join-Path $modulePathResolved "$ModuleName.psd1"
if ((Test-Path $modulePathResolved -PathType Container) -and (Test-Path $manifest -PathType Leaf)) { $modulePathResolved = $manifest }
Write-Verbose "Reading the cmdlets of $modulePathResolved in a child pwsh."
$commands = @(Get-CommandMetadata -Path $modulePathResolved -Name $ModuleName)
if (-not $commands.Count) { throw "The module '$ModulePath' exports no cmdlets; there is nothing to describe." }
$exported = @{}
foreach ($command in $commands) { $exported[$command.Name] = $command }

$helpByName = [ordered]@{}
foreach ($file in Get-ChildItem -LiteralPath $SourcePath -Filter '*-*.md' -File | Sort-Object Name) {
    $name = $file.BaseName
    $fileProblems = [System.Collections.Generic.List[string]]::new()
    $help = Read-CmdletMarkdown $file.FullName $fileProblems
    foreach ($problem in $fileProblems) { if ($exported.ContainsKey($name)) { $problems.Add($problem) } else { $warnings.Add($problem) } }
    if (-not $exported.ContainsKey($name)) {
        Write-Verbose "Skipping $($file.Name): the module does not export a cmdlet named $name (yet)."
        foreach ($problem in Test-HelpContent $help) { $warnings.Add($problem) }
        continue
    }
    $helpByName[$name] = $help
}

foreach ($command in $commands) {
    $help = $helpByName[$command.Name]
    if (-not $help) { $problems.Add("$($command.Name): no help; write $(Join-Path $SourcePath "$($command.Name).md")."); continue }
    $file = $help.File
    foreach ($problem in Test-HelpContent $help) { $problems.Add($problem) }
    $names = @($command.Parameters | ForEach-Object Name)
    foreach ($parameter in $command.Parameters) {
        $entry = if ($help.Parameters.Contains($parameter.Name)) { $help.Parameters[$parameter.Name] } else { $null }
        if ($entry -and -not ($entry.Text -join '').Trim()) { $problems.Add("${file}: '### -$($parameter.Name)' has no description.") }
        elseif (-not $entry -and -not $StandardParameterHelp.Contains($parameter.Name)) { $problems.Add("${file}: -$($parameter.Name) is not described; add '### -$($parameter.Name)' under '## Parameters'.") }
    }
    foreach ($described in $help.Parameters.Keys) {
        if ($described -notin $names) { $problems.Add("${file}: '### -$described' describes a parameter $($command.Name) does not have (it has: $($names -join ', ')).") }
    }
}

$abouts = @(Get-ChildItem -LiteralPath $SourcePath -Filter 'about_*.md' -File | Sort-Object Name)
$aboutTexts = [ordered]@{}
foreach ($file in $abouts) { $aboutTexts["$($file.BaseName).help.txt"] = ConvertTo-AboutText $file.FullName $problems }

foreach ($warning in $warnings) { Write-Warning "Not exported, so not fatal: $warning" }
if ($problems.Count) {
    # One a line for the build log (an error view may fold the lines of the message below), then the error itself.
    Write-Host "The help of $ModuleName is incomplete:" -ForegroundColor Red
    foreach ($problem in $problems) { Write-Host "  - $problem" -ForegroundColor Red }
    throw "The help of $ModuleName is incomplete ($($problems.Count) problem(s)):`n  - " + ($problems -join "`n  - ")
}

New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null
$mamlPath = Join-Path $OutputPath "$ModuleName.dll-Help.xml"
$partPath = "$mamlPath.part"
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.IndentChars = '  '
$settings.Encoding = [Text.UTF8Encoding]::new($false)
$settings.NewLineChars = "`n"
# Written aside and moved into place, so a failure never leaves a half-written help file behind.
$writer = [System.Xml.XmlWriter]::Create($partPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', $Ns.msh)
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $commands) { Write-CommandHelp $writer $command $helpByName[$command.Name] }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
} catch {
    $writer.Dispose()
    Remove-Item -LiteralPath $partPath -ErrorAction SilentlyContinue
    throw
} finally {
    $writer.Dispose()
}
Move-Item -LiteralPath $partPath -Destination $mamlPath -Force
Write-Verbose "Wrote $mamlPath ($($commands.Count) cmdlets)."
foreach ($name in $aboutTexts.Keys) {
    $path = Join-Path $OutputPath $name
    [IO.File]::WriteAllText($path, $aboutTexts[$name], [Text.UTF8Encoding]::new($false))
    Write-Verbose "Wrote $path."
}

#endregion
