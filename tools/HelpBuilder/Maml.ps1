# MAML: the <Module>.dll-Help.xml Get-Help reads, from the built cmdlets' metadata (facts) and their markdown (words).

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


# The whole help file, written aside and moved into place, so a failure never leaves a half-written help file behind.
# $HelpByName holds the markdown of every command in $Commands.
function Write-MamlHelp([string] $Path, [object[]] $Commands, [System.Collections.IDictionary] $HelpByName) {
    $partPath = "$Path.part"
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.Encoding = [Text.UTF8Encoding]::new($false)
    $settings.NewLineChars = "`n"
    $writer = [System.Xml.XmlWriter]::Create($partPath, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $Ns.msh)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($command in $Commands) { Write-CommandHelp $writer $command $HelpByName[$command.Name] }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    } catch {
        $writer.Dispose()
        Remove-Item -LiteralPath $partPath -ErrorAction SilentlyContinue
        throw
    } finally {
        $writer.Dispose()
    }
    Move-Item -LiteralPath $partPath -Destination $Path -Force
}
