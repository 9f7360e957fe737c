# About topics: about_<Name>.md to the classic plain-text layout Get-Help shows (TOPIC, SHORT DESCRIPTION, LONG
# DESCRIPTION ... in capitals, text indented four spaces and wrapped at 80 columns). Not platyPS's about schema: these
# files keep their own, described in README.md beside this file.

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

