# Get-Help for every exported cmdlet and about_TrackingMore, as a user sees them after importing the built module.
# Needs no emulator: help sends nothing. The generator itself (tools/HelpBuilder) is tested in HelpBuilder.Tests.ps1.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    # Every exported cmdlet and its parameters but the common ones (-WhatIf and -Confirm included: their help is ours)
    # and the hidden ones (DontShow: the piped object itself, which RecordCmdlet counts; not for typing).
    $script:Cmdlets = @(Get-Command -Module TrackingMore -CommandType Cmdlet | ForEach-Object {
            $hidden = @($_.Parameters.Values | Where-Object { $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow } } | ForEach-Object Name)
            @{ Name = $_.Name; Parameters = @($_.Parameters.Keys | Where-Object { $_ -notin $common -and $_ -notin $hidden } | Sort-Object); Hidden = $hidden }
        })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltTrackingMore

    # The type as help names it: Nullable<T> is T, arrays keep their [].
    function Get-HelpTypeName([type] $Type) {
        if ($Type.IsArray) { return (Get-HelpTypeName $Type.GetElementType()) + '[]' }
        $inner = [Nullable]::GetUnderlyingType($Type)
        if ($inner) { return Get-HelpTypeName $inner }
        return $Type.FullName
    }

    # What help must say for a fact that may differ between parameter sets: the one value, or each value with its set.
    function Get-ExpectedFact($Command, [string] $Parameter, [scriptblock] $Fact) {
        $values = @($Command.ParameterSets | ForEach-Object {
                $set = $_
                $_.Parameters | Where-Object Name -eq $Parameter | ForEach-Object { [pscustomobject]@{ Set = $set.Name; Value = & $Fact $_ } }
            })
        $distinct = @($values.Value | Select-Object -Unique)
        if ($distinct.Count -eq 1) { return $distinct[0] }
        return ($values | ForEach-Object { "$($_.Value) ($($_.Set))" }) -join '; '
    }
}

Describe 'Get-Help <Name>' -ForEach $Cmdlets {
    BeforeAll {
        $script:Help = Get-Help $Name -Full
        $script:Command = Get-Command $Name -Module TrackingMore
    }

    It 'has a synopsis of its own, not the syntax Get-Help makes up without a help file' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis.Trim() | Should -Not -Match "^$([regex]::Escape($Name))(\s|$)"
        $Help.Synopsis.Trim() | Should -Not -Match '\[<CommonParameters>\]'
    }

    It 'has a description' {
        ($Help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has a syntax block per parameter set' {
        @($Help.syntax.syntaxItem).Count | Should -Be @($Command.ParameterSets).Count
    }

    It 'describes -<_>' -ForEach $Parameters {
        $parameterHelp = Get-Help $Name -Parameter $_ -ErrorAction SilentlyContinue
        $parameterHelp | Should -Not -BeNullOrEmpty -Because "the help of $Name must list -$_"
        ($parameterHelp.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because "-$_ of $Name needs a description"
    }

    It 'gives the type, required, position and pipeline input of -<_> as the cmdlet has them' -ForEach $Parameters {
        $parameter = $Command.Parameters[$_]
        $parameterHelp = Get-Help $Name -Parameter $_ -ErrorAction SilentlyContinue
        $parameterHelp | Should -Not -BeNullOrEmpty
        $parameterHelp.type.name | Should -Be (Get-HelpTypeName $parameter.ParameterType)
        # Required: Mandatory, or [RequiredPerRecord], which the cmdlet checks per pipeline record instead of PowerShell's binder.
        $perRecord = [bool]($parameter.Attributes | Where-Object { $_.GetType().Name -eq 'RequiredPerRecordAttribute' })
        $parameterHelp.required | Should -Be (Get-ExpectedFact $Command $_ { param($p) if ($p.IsMandatory -or $perRecord) { 'true' } else { 'false' } })
        $parameterHelp.position | Should -Be (Get-ExpectedFact $Command $_ { param($p) if ($p.Position -ge 0) { "$($p.Position)" } else { 'named' } })
        $parameterHelp.pipelineInput | Should -Be (Get-ExpectedFact $Command $_ {
                param($p)
                $ways = @(if ($p.ValueFromPipeline) { 'ByValue' }; if ($p.ValueFromPipelineByPropertyName) { 'ByPropertyName' })
                if ($ways) { "True ($($ways -join ', '))" } else { 'False' }
            })
        $aliases = if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }
        $parameterHelp.aliases | Should -Be $aliases
    }

    It 'describes no parameter the cmdlet does not have' {
        $documented = @($Help.parameters.parameter | ForEach-Object { $_.name })
        $documented | Where-Object { $_ -notin $Parameters } | Should -BeNullOrEmpty
    }

    It 'has at least two examples, each with code' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            "$($example.code)".Trim() | Should -Not -BeNullOrEmpty -Because "'$($example.title)' needs code"
            ($example.remarks.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because "'$($example.title)' needs an explanation"
        }
    }

    It 'has a related link' {
        @($Help.relatedLinks.navigationLink | Where-Object { $_.linkText -or $_.uri }).Count | Should -BeGreaterOrEqual 1
    }

    It 'names its output types' {
        @($Help.returnValues.returnValue).Count | Should -BeGreaterOrEqual 1
        foreach ($type in $Command.OutputType) {
            @($Help.returnValues.returnValue.type.name) | Should -Contain $type.Name
        }
    }
}

Describe 'Hidden parameters' {
    It 'are the piped object of the cmdlets that check each record (<Name>: -<Hidden>)' -ForEach @($Cmdlets | Where-Object { $_.Hidden }) {
        $Hidden | Should -Be 'InputObject'
        (Get-Command $Name -Module TrackingMore).ImplementingType.IsSubclassOf([TrackingMore.Commands.RecordCmdlet]) | Should -BeTrue
    }

    It 'are left out of <Name>''s help, in the parameter list and in the syntax' -ForEach @($Cmdlets | Where-Object { $_.Hidden }) {
        $help = Get-Help $Name -Full
        @($help.parameters.parameter.name) | Should -Not -Contain 'InputObject'
        @($help.syntax.syntaxItem.parameter.name) | Should -Not -Contain 'InputObject'
    }

    It 'are had by every cmdlet that takes tracking records by property name' {
        $withHidden = @($Cmdlets | Where-Object { $_.Hidden } | ForEach-Object { $_.Name })
        foreach ($name in 'New-Tracking', 'Set-Tracking', 'Remove-Tracking', 'Invoke-RealtimeTracking', 'Stop-TrackingUpdate', 'Update-TrackingCarrier',
            'Get-Tracking', 'Find-TrackingCarrier', 'Get-TrackingAirWaybill', 'Get-TrackingTransitTime', 'Test-TrackingRemoteArea') {
            $withHidden | Should -Contain $name
        }
    }
}

Describe 'Get-Help about_TrackingMore' {
    BeforeAll {
        $script:About = Get-Help about_TrackingMore | Out-String
    }

    It 'returns the topic' {
        $About | Should -Match 'about_TrackingMore'
        $About | Should -Match 'SHORT DESCRIPTION'
        $About | Should -Match 'LONG DESCRIPTION'
    }

    It 'covers <Topic>' -ForEach @(
        @{ Topic = 'connecting'; Words = 'Connect-TrackingMore', 'TRACKINGMORE_API_KEY', 'TRACKINGMORE_BASE_URI', 'SecureString' }
        @{ Topic = 'paging and the rate limit'; Words = '-All', '2000', 'one list\s+request a second', '-PageSize' }
        @{ Topic = 'retries'; Words = '-MaximumRetryCount', '429', 'Retry-After' }
        @{ Topic = 'the emulator'; Words = 'emulator', '-BaseUri http://127.0.0.1' }
    ) {
        foreach ($word in $Words) { $About | Should -Match $word }
    }

    It 'lists every error id of the README' {
        $readme = Get-Content (Join-Path $PSScriptRoot '../../README.md') -Raw
        $ids = @([regex]::Matches($readme, '(?m)^\|\s*`TrackingMore\.[^|]*') | ForEach-Object {
                [regex]::Matches($_.Value, '`(TrackingMore\.[\w.]+)`') | ForEach-Object { $_.Groups[1].Value }
            })
        $ids.Count | Should -BeGreaterThan 5
        foreach ($id in $ids) { $About | Should -Match ([regex]::Escape($id)) }
    }
}
