# Metadata: what the built cmdlets say about themselves, read in a child pwsh so the building pwsh never loads (or
# locks) the module's dll; and the facts derived from it that help shows beside each parameter.

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
# A hidden parameter (DontShow: the piped object itself, for the cmdlet's own bookkeeping) is not for typing, so help
# leaves it out. A parameter the cmdlet checks per pipeline record ([RequiredPerRecord]) is required, though
# PowerShell's binder does not know it: help says so.
function Test-Hidden($Parameter) {{ [bool]($Parameter.Attributes | Where-Object {{ $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }}) }}
function Test-RequiredPerRecord($Parameter) {{ [bool]($Parameter.Attributes | Where-Object {{ $_.GetType().Name -eq 'RequiredPerRecordAttribute' }}) }}
$commands = foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet -ListImported | Sort-Object Name) {{
    $parameters = foreach ($parameter in $command.Parameters.Values) {{
        if ($parameter.Name -in $skip -or (Test-Hidden $parameter)) {{ continue }}
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
                if ($parameter.Name -in $skip -or (Test-Hidden $command.Parameters[$parameter.Name])) {{ continue }}
                [ordered]@{{
                    Name                  = $parameter.Name
                    Mandatory             = $parameter.IsMandatory -or (Test-RequiredPerRecord $command.Parameters[$parameter.Name])
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

# The parameter sets a parameter belongs to, each with the parameter's facts in it (Mandatory, Position, pipeline).
function Get-ParameterInSets($Command, $Parameter) {
    @($Command.ParameterSets | ForEach-Object { $set = $_; $set.Parameters | Where-Object Name -eq $Parameter.Name | ForEach-Object { [pscustomobject]@{ Set = $set.Name; Info = $_ } } })
}

# The facts Get-Help shows beside a parameter, merged over the parameter sets it belongs to.
function Get-ParameterFacts($Command, $Parameter) {
    $inSets = Get-ParameterInSets $Command $Parameter
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


# The facts of the platyPS yaml block(s) a parameter's markdown carries, all but 'Default value' (which no metadata
# knows). Like platyPS: one block per group of parameter sets in which the parameter is alike, '(All)' when one
# block covers every set of the cmdlet.
function Get-ParameterYaml($Command, $Parameter) {
    $inSets = Get-ParameterInSets $Command $Parameter
    $groups = [ordered]@{}
    foreach ($entry in $inSets) {
        $info = $entry.Info
        $key = "$($info.Mandatory)|$($info.Position)|$(Get-PipelineText $info)"
        if (-not $groups.Contains($key)) { $groups[$key] = [pscustomobject]@{ Info = $info; Sets = [System.Collections.Generic.List[string]]::new() } }
        $groups[$key].Sets.Add($entry.Set)
    }
    $coversAll = $groups.Count -eq 1 -and $inSets.Count -eq @($Command.ParameterSets).Count
    foreach ($group in $groups.Values) {
        $yaml = [ordered]@{
            'Type'           = $Parameter.ShortType
            'Parameter Sets' = if ($coversAll) { '(All)' } else { $group.Sets -join ', ' }
            'Aliases'        = @($Parameter.Aliases) -join ', '
        }
        if (@($Parameter.AcceptedValues).Count) { $yaml['Accepted values'] = $Parameter.AcceptedValues -join ', ' }
        $yaml['Required'] = if ($group.Info.Mandatory) { 'True' } else { 'False' }
        $yaml['Position'] = if ($group.Info.Position -ge 0) { "$($group.Info.Position)" } else { 'Named' }
        $yaml['Accept pipeline input'] = Get-PipelineText $group.Info
        $yaml['Accept wildcard characters'] = if ($Parameter.Wildcards) { 'True' } else { 'False' }
        $yaml
    }
}
