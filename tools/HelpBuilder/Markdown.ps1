# Markdown: a small reader for the platyPS schema 2.0.0 cmdlet files and the about topics (README.md beside this
# file describes both). It returns the words; facts (types, sets, positions, syntax) are never taken from here.

# The cmdlet file's sections, as platyPS writes them. SYNTAX is read past: the syntax comes from the built cmdlets.
$CmdletSections = 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'

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


# A file as its YAML front matter (the '---' block platyPS starts a cmdlet file with; empty when there is none),
# its H1 title, then H2 sections in order, each with its own lines and its H3 subsections.
function Read-MarkdownOutline([string] $Path, [System.Collections.Generic.List[string]] $Problems) {
    $lines = @(Get-Content -LiteralPath $Path -Encoding utf8)
    $file = Split-Path $Path -Leaf
    $outline = [pscustomobject]@{ FrontMatter = [ordered]@{}; Title = $null; Sections = [System.Collections.Generic.List[object]]::new() }
    $n = 0
    if ($lines.Count -and $lines[0] -eq '---') {
        $end = [array]::IndexOf($lines, '---', 1)
        if ($end -lt 0) {
            $Problems.Add("${file}:1: the front matter is not closed with '---'.")
            $end = $lines.Count
        }
        $body = if ($end -gt 1) { $lines[1..($end - 1)] } else { @() }
        $outline.FrontMatter = ConvertFrom-YamlLine $body "${file}:1" $Problems
        $n = $end + 1
    }
    $section = $null
    $sub = $null
    $inCode = $false
    for (; $n -lt $lines.Count; $n++) {
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

# 'Key: value' lines (front matter, a parameter's yaml block) as an ordered dictionary; blank lines are skipped.
function ConvertFrom-YamlLine([string[]] $Lines, [string] $Where, [System.Collections.Generic.List[string]] $Problems) {
    $values = [ordered]@{}
    foreach ($line in $Lines) {
        if ($line -match '^\s*$') { continue }
        if ($line -notmatch '^([^:]+):\s*(.*?)\s*$') { $Problems.Add("${Where}: '$line' is not a 'Key: value' line."); continue }
        $values[$Matches[1].Trim()] = $Matches[2]
    }
    $values
}

# A parameter's yaml block as platyPS lays it out, from Get-ParameterYaml's facts and the markdown's default value.
function Format-ParameterYaml([System.Collections.Specialized.OrderedDictionary] $Yaml, [string] $Default) {
    foreach ($key in $Yaml.Keys) {
        if ($key -eq 'Required') { '' }
        if ($key -eq 'Accept pipeline input') { "Default value: $Default" }
        "${key}: $($Yaml[$key])".TrimEnd()
    }
}

function Read-CmdletMarkdown([string] $Path, [System.Collections.Generic.List[string]] $Problems) {
    $file = Split-Path $Path -Leaf
    $outline = Read-MarkdownOutline $Path $Problems
    $help = [pscustomobject]@{
        File = $file; Name = $outline.Title; FrontMatter = $outline.FrontMatter; Synopsis = @(); Description = @(); Parameters = [ordered]@{}
        Inputs = [ordered]@{}; Outputs = [ordered]@{}; Notes = @(); Examples = [System.Collections.Generic.List[object]]::new()
        Links = [System.Collections.Generic.List[object]]::new()
    }
    $expected = [IO.Path]::GetFileNameWithoutExtension($Path)
    if ($outline.Title -and $outline.Title -ne $expected) { $Problems.Add("${file}: the title '# $($outline.Title)' does not match the file name; it should be '# $expected'.") }
    # platyPS makes the online version the first related link, which Get-Help -Online opens.
    if ($outline.FrontMatter.Contains('online version') -and $outline.FrontMatter['online version']) {
        $help.Links.Add([pscustomobject]@{ Text = 'Online Version:'; Uri = $outline.FrontMatter['online version'] })
    }
    $seen = @{}
    foreach ($section in $outline.Sections) {
        $name = $CmdletSections | Where-Object { $_ -ceq $section.Name }
        $where = "${file}:$($section.Line)"
        if (-not $name) { $Problems.Add("${where}: unknown section '## $($section.Name)'; the sections are: $($CmdletSections -join ', ')."); continue }
        if ($seen[$name]) { $Problems.Add("${where}: a second '## $name' section."); continue }
        $seen[$name] = $true
        if ($name -eq 'SYNTAX') { continue }
        if ($name -eq 'RELATED LINKS') {
            if ($section.Subsections.Count) { $Problems.Add("${where}: '## $name' takes no '### ' subsections (found '### $($section.Subsections[0].Name)').") }
            foreach ($line in $section.Lines | Where-Object { $_ -match '\S' }) {
                # '[text](https://...)' links to the web; '[Get-Tracking](Get-Tracking.md)' or '[Get-Tracking]()' names a topic.
                if ($line.Trim() -notmatch '^\[([^\]]+)\]\(([^)\s]*)\)$') { $Problems.Add("${where}: '## $name' holds one link a line ('[Get-Tracking](Get-Tracking.md)' or '[text](https://...)'), not '$($line.Trim())'."); continue }
                $text, $target = $Matches[1], $Matches[2]
                $uri = if ($target -match '^[a-z][a-z0-9+.-]*:') { $target } else { '' }
                $help.Links.Add([pscustomobject]@{ Text = $text; Uri = $uri })
            }
            continue
        }
        $body = @(ConvertTo-Block $section.Lines $where $Problems)
        $takesSubsections = $name -in 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'EXAMPLES'
        if (-not $takesSubsections -and $section.Subsections.Count) { $Problems.Add("${where}: '## $name' takes no '### ' subsections (found '### $($section.Subsections[0].Name)').") }
        if ($takesSubsections -and $body.Count) { $Problems.Add("${where}: text directly under '## $name'; put it under a '### ' subsection.") }
        switch ($name) {
            'SYNOPSIS' { $help.Synopsis = @(ConvertTo-Paragraph $body) }
            'DESCRIPTION' { $help.Description = @(ConvertTo-Paragraph $body) }
            'NOTES' { $help.Notes = @(ConvertTo-Paragraph $body) }
            'PARAMETERS' {
                foreach ($sub in $section.Subsections) {
                    $subWhere = "${file}:$($sub.Line)"
                    # platyPS's standard words about the common parameters; Get-Help adds those itself.
                    if ($sub.Name -eq 'CommonParameters') { continue }
                    if ($sub.Name -notmatch '^-(\w+)$') { $Problems.Add("${subWhere}: a parameter heading is '### -Name', not '### $($sub.Name)'."); continue }
                    $parameterName = $Matches[1]
                    $blocks = @(ConvertTo-Block $sub.Lines $subWhere $Problems)
                    $yaml = @($blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Language -eq 'yaml' } | ForEach-Object { ConvertFrom-YamlLine $_.Lines $subWhere $Problems })
                    if ($help.Parameters.Contains($parameterName)) { $Problems.Add("${subWhere}: -$parameterName is described twice."); continue }
                    $help.Parameters[$parameterName] = [pscustomobject]@{
                        Where   = $subWhere
                        Text    = @(ConvertTo-Paragraph @($blocks | Where-Object { -not ($_.Kind -eq 'Code' -and $_.Language -eq 'yaml') }))
                        # The default is words, not a fact: no metadata knows it, so the yaml's value is the one Get-Help shows.
                        Default = if ($yaml.Count -and $yaml[0].Contains('Default value')) { $yaml[0]['Default value'] } else { $null }
                        Yaml    = $yaml
                    }
                }
            }
            { $_ -in 'INPUTS', 'OUTPUTS' } {
                $types = if ($name -eq 'INPUTS') { $help.Inputs } else { $help.Outputs }
                foreach ($sub in $section.Subsections) {
                    $types[$sub.Name.Trim()] = @(ConvertTo-Paragraph @(ConvertTo-Block $sub.Lines "${file}:$($sub.Line)" $Problems))
                }
            }
            'EXAMPLES' {
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
