# The emulator's hostile fault modes keep their contract (names, fields, shapes), seen over raw HTTP without the
# module: the module's own behaviour under them is Hostile.Tests.ps1's subject.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '300', '--second-listener', '--list-interval-ms', '0'
    $script:Key = $script:Emulator.ApiKey
    $script:Info = Get-EmulatorInfo $script:Emulator

    # A client that follows nothing and inflates nothing, so every answer is seen as sent.
    $handler = [System.Net.Http.HttpClientHandler]::new()
    $handler.AllowAutoRedirect = $false
    $handler.AutomaticDecompression = [System.Net.DecompressionMethods]::None
    $handler.UseProxy = $false
    $script:Http = [System.Net.Http.HttpClient]::new($handler)

    function Send-Raw([string] $Uri, [string] $Method = 'GET', [string] $Body, [switch] $NoKey) {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), $Uri)
        if (-not $NoKey) { $null = $request.Headers.TryAddWithoutValidation('Trackingmore-Api-Key', $script:Key) }
        if ($Body) { $request.Content = [System.Net.Http.StringContent]::new($Body, [Text.Encoding]::UTF8, 'application/json') }
        $script:Http.SendAsync($request, [System.Net.Http.HttpCompletionOption]::ResponseHeadersRead).GetAwaiter().GetResult()
    }

    function Read-Text($Response) { $Response.Content.ReadAsStringAsync().GetAwaiter().GetResult() }

    function Get-Page([int] $Page, [int] $Limit = 100) {
        (Read-Text (Send-Raw "$($script:Emulator.BaseUri)/trackings/get?page=$Page&limit=$Limit") | ConvertFrom-Json).data
    }

    function Get-LastRequest([int] $Count = 1) { @(Get-EmulatorRequest $script:Emulator) | Select-Object -Last $Count }

    # The emulator's 400 {"error"} text for a rule it refuses.
    function Get-RuleRefusal($Emulator, [hashtable] $Rule) {
        try { Add-EmulatorFault $Emulator $Rule } catch { return ($_.ErrorDetails.Message | ConvertFrom-Json).error }
        throw 'the rule was accepted'
    }
}

AfterAll {
    $script:Http.Dispose()
    Stop-TrackingMoreEmulator $script:Emulator
}

Describe 'Second listener and redirects' {
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'names both listeners in /_emulator/info' {
        $script:Info.baseUri | Should -Be $script:Emulator.BaseUri
        $script:Info.secondBaseUri | Should -Match '^http://127\.0\.0\.[12]:\d+/v2$'
        $script:Info.secondBaseUri | Should -Not -Be $script:Info.baseUri
    }

    It 'redirects with <Status> to the same path and query on the second listener' -ForEach @(
        @{ Status = 301 }, @{ Status = 302 }, @{ Status = 303 }, @{ Status = 307 }, @{ Status = 308 }
    ) {
        Add-EmulatorFault $script:Emulator @{ action = 'redirect'; status = $Status; count = 1 }
        $response = Send-Raw "$($script:Emulator.BaseUri)/trackings/ups/A%2FB?lang=en&x=1"
        [int]$response.StatusCode | Should -Be $Status
        $response.Headers.Location.OriginalString | Should -Be "$($script:Info.secondBaseUri)/trackings/ups/A%2FB?lang=en&x=1"
        (Get-LastRequest).fault | Should -Be 'redirect'
    }

    It 'logs on the second listener whether the key header came along, and applies no faults there' {
        Add-EmulatorFault $script:Emulator @{ action = 'http503' }
        $withKey = Send-Raw "$($script:Info.secondBaseUri)/trackings/getuserinfo"
        $withoutKey = Send-Raw "$($script:Info.secondBaseUri)/trackings/getuserinfo" -NoKey
        [int]$withKey.StatusCode | Should -Be 200
        (Read-Text $withKey | ConvertFrom-Json).meta.code | Should -Be 200
        (Read-Text $withoutKey | ConvertFrom-Json).meta.code | Should -Be 4001
        $records = Get-LastRequest 2
        $records.listener | Should -Be @('second', 'second')
        $records.keyHeader | Should -Be @($true, $false)
        $records.fault | Should -Be @($null, $null)
        [int](Send-Raw "$($script:Emulator.BaseUri)/trackings/getuserinfo").StatusCode | Should -Be 503
        (Get-LastRequest) | ForEach-Object { $_.listener, $_.keyHeader } | Should -Be @('primary', $true)
    }

    It 'redirects to the location given, and refuses a bad status' {
        Add-EmulatorFault $script:Emulator @{ action = 'redirect'; location = 'http://127.0.0.3:9/v2/x'; count = 1 }
        (Send-Raw "$($script:Emulator.BaseUri)/carriers").Headers.Location.OriginalString | Should -Be 'http://127.0.0.3:9/v2/x'
        Get-RuleRefusal $script:Emulator @{ action = 'redirect'; status = 305 } | Should -Be 'status must be one of 301, 302, 303, 307, 308'
    }

    It 'refuses a redirect without location when there is no second listener' {
        $plain = Start-TestEmulator
        try {
            (Get-EmulatorInfo $plain).secondBaseUri | Should -BeNullOrEmpty
            Get-RuleRefusal $plain @{ action = 'redirect' } | Should -BeLike '*start the emulator with --second-listener*'
        } finally {
            Stop-TrackingMoreEmulator $plain
        }
    }
}

Describe 'Echoed keys' {
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'lists the request headers, key included, in a 502 page' {
        Add-EmulatorFault $script:Emulator @{ action = 'echo-headers'; count = 1 }
        $response = Send-Raw "$($script:Emulator.BaseUri)/trackings/getuserinfo"
        [int]$response.StatusCode | Should -Be 502
        $response.Content.Headers.ContentType.MediaType | Should -Be 'text/html'
        Read-Text $response | Should -BeLike "*`r`nTrackingmore-Api-Key: $($script:Key)`r`n*"
    }

    It 'puts the key twice into meta.message with code <Code>' -ForEach @(@{ Code = $null }, @{ Code = 4001 }) {
        $rule = @{ action = 'echo-key'; count = 1 }
        if ($Code) { $rule.code = $Code }
        Add-EmulatorFault $script:Emulator $rule
        $answer = Read-Text (Send-Raw "$($script:Emulator.BaseUri)/trackings/getuserinfo") | ConvertFrom-Json
        $answer.meta.code | Should -Be ($Code ?? 4012)
        $answer.meta.type | Should -Be 'Bad Request'
        $answer.meta.message | Should -Be "Invalid request for key $($script:Key). Trackingmore-Api-Key: $($script:Key)"
        @($answer.data).Count | Should -Be 0
    }
}

Describe 'Unbounded bodies, bounded in the emulator' {
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'sends an endless list without Content-Length up to limitMb, then closes the JSON' {
        Add-EmulatorFault $script:Emulator @{ action = 'endless'; limitMb = 2; count = 1 }
        $response = Send-Raw "$($script:Emulator.BaseUri)/trackings/get"
        $response.Content.Headers.ContentLength | Should -BeNullOrEmpty
        $text = Read-Text $response
        $text.Length | Should -BeGreaterOrEqual (2MB)
        $text.Length | Should -BeLessThan (2MB + 70KB)
        $answer = $text | ConvertFrom-Json
        $answer.meta.code | Should -Be 200
        $answer.data.items.Count | Should -BeGreaterThan 1000
        @($answer.data.items.id | Sort-Object -Unique).Count | Should -Be 1
    }

    It 'sends a gzip body that inflates to exactly sizeMb MiB of valid JSON' {
        Add-EmulatorFault $script:Emulator @{ action = 'gzip-bomb'; sizeMb = 3; count = 1 }
        $response = Send-Raw "$($script:Emulator.BaseUri)/trackings/get"
        $response.Content.Headers.ContentEncoding | Should -Be 'gzip'
        $compressed = $response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult()
        $response.Content.Headers.ContentLength | Should -Be $compressed.Length
        $compressed.Length | Should -BeLessThan 10KB
        $inflated = [IO.MemoryStream]::new()
        $gzip = [IO.Compression.GZipStream]::new([IO.MemoryStream]::new($compressed), [IO.Compression.CompressionMode]::Decompress)
        $gzip.CopyTo($inflated)
        $inflated.Length | Should -Be (3MB)
        $answer = [Text.Encoding]::UTF8.GetString($inflated.ToArray()) | ConvertFrom-Json
        $answer.meta.code | Should -Be 200
        $answer.data.padding | Should -Match '^0+$'
    }

    It 'announces contentLength, sends a few bytes and cuts the connection' {
        # The default delayMs (1 s) lets the client take the headers and bytes in before the reset.
        Add-EmulatorFault $script:Emulator @{ action = 'huge-content-length'; count = 1 }
        $response = Send-Raw "$($script:Emulator.BaseUri)/trackings/get"
        $response.Content.Headers.ContentLength | Should -Be 2000000000
        $stream = $response.Content.ReadAsStream()
        $buffer = [byte[]]::new(4096)
        $received = 0
        { while (($n = $stream.Read($buffer, 0, $buffer.Length)) -gt 0) { $received += $n } } | Should -Throw
        $received | Should -BeLessThan 1KB
        (Get-LastRequest).httpStatus | Should -Be 0
    }
}

Describe 'Hostile list pages' {
    BeforeAll {
        $script:Normal = @{}
        foreach ($page in 1..3) { $script:Normal[$page] = @((Get-Page $page).items.id) }
    }
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'repeat-page: page 1 items on every page, the page asked echoed' {
        Add-EmulatorFault $script:Emulator @{ action = 'repeat-page'; path = '/trackings/get' }
        $page3 = Get-Page 3
        $page3.page | Should -Be 3
        $page3.total | Should -Be '300'
        $page3.items.id | Should -Be $script:Normal[1]
    }

    It 'overlong-page: extra items from the following positions, fresh ids where the store ends' {
        Add-EmulatorFault $script:Emulator @{ action = 'overlong-page'; extra = 7 }
        $page2 = Get-Page 2
        $page2.count | Should -Be 107
        $page2.items.id | Should -Be ($script:Normal[2] + $script:Normal[3][0..6])
        $page3 = Get-Page 3
        $page3.count | Should -Be 107
        @($page3.items.id | Sort-Object -Unique).Count | Should -Be 107
    }

    It 'duplicate-ids: page 1''s first item and the previous page''s last item start every later page' {
        Add-EmulatorFault $script:Emulator @{ action = 'duplicate-ids' }
        (Get-Page 1).items.id | Should -Be $script:Normal[1]
        foreach ($page in 2, 3) {
            $answer = Get-Page $page
            $answer.count | Should -Be 100
            $answer.items.id | Should -Be (@($script:Normal[1][0], $script:Normal[$page - 1][-1]) + $script:Normal[$page][0..97])
        }
    }

    It 'lets other requests by, uncounted' {
        Add-EmulatorFault $script:Emulator @{ action = 'overlong-page'; path = '/trackings/get'; count = 1 }
        $null = Send-Raw "$($script:Emulator.BaseUri)/trackings/getuserinfo"
        (Get-LastRequest).fault | Should -BeNullOrEmpty
        (Get-Page 1).count | Should -Be 110
        (Get-Page 1).count | Should -Be 100
    }
}

Describe 'The hooks answer this machine''s tests only (issue 17)' {
    AfterEach { Clear-EmulatorFault $script:Emulator }

    It 'refuses a hook request with Host <HostName> with 403, reading and changing nothing' -ForEach @(
        @{ HostName = 'rebind.evil.example' }
        @{ HostName = '127.0.0.1.evil.example' }
        @{ HostName = 'localhost.evil.example:80' }
    ) {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "$($script:Emulator.Root)/_emulator/requests")
        $request.Headers.Host = $HostName
        $response = $script:Http.SendAsync($request).GetAwaiter().GetResult()
        [int]$response.StatusCode | Should -Be 403
        Read-Text $response | Should -Not -Match 'trackings'
    }

    It 'answers Host <HostName>' -ForEach @(
        @{ HostName = 'localhost' }
        @{ HostName = '127.0.0.1' }
    ) {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "$($script:Emulator.Root)/_emulator/info")
        $request.Headers.Host = $HostName + ':' + ([uri]$script:Emulator.Root).Port
        [int]$script:Http.SendAsync($request).GetAwaiter().GetResult().StatusCode | Should -Be 200
    }

    It 'refuses a POST of <Type>, which a page of another site may send without asking, and adds no rule' -ForEach @(
        @{ Type = 'text/plain' }
        @{ Type = 'application/x-www-form-urlencoded' }
        @{ Type = 'multipart/form-data' }
    ) {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Post, "$($script:Emulator.Root)/_emulator/faults")
        $request.Content = [System.Net.Http.StringContent]::new('{"action":"http503"}', [Text.Encoding]::UTF8)
        $request.Content.Headers.ContentType = [System.Net.Http.Headers.MediaTypeHeaderValue]::new($Type)
        [int]$script:Http.SendAsync($request).GetAwaiter().GetResult().StatusCode | Should -Be 415
        # Invoke-RestMethod writes the JSON array as one object: its Count is the number of rules.
        $rules = Invoke-RestMethod -Uri "$($script:Emulator.Root)/_emulator/faults" -NoProxy
        $rules.Count | Should -Be 0
    }

    It 'refuses advanceSeconds 1e14 and keeps /_emulator/clock working' {
        $response = Send-Raw "$($script:Emulator.Root)/_emulator/clock" -Method POST -Body '{"advanceSeconds":100000000000000}' -NoKey
        [int]$response.StatusCode | Should -Be 400
        (Read-Text $response | ConvertFrom-Json).error | Should -Match 'advanceSeconds'
        $clock = Send-Raw "$($script:Emulator.Root)/_emulator/clock" -NoKey
        [int]$clock.StatusCode | Should -Be 200
        (Read-Text $clock | ConvertFrom-Json).advancedSeconds | Should -Be 0
    }

    It 'frees a gzip bomb''s compressed bytes on DELETE /_emulator/faults' {
        Add-EmulatorFault $script:Emulator @{ action = 'gzip-bomb'; sizeMb = 64; path = '/trackings/get' }
        $null = Send-Raw "$($script:Emulator.BaseUri)/trackings/get?limit=1"   # waits for the bomb to be built
        (Get-EmulatorInfo $script:Emulator).faultPayloadBytes | Should -BeGreaterThan 1000
        Clear-EmulatorFault $script:Emulator
        (Get-EmulatorInfo $script:Emulator).faultPayloadBytes | Should -Be 0
    }

    It 'answers a tracking number that is not UTF-8 on <Endpoint> with meta 4014, not 500' -ForEach @(
        @{ Endpoint = 'POST /trackings/post'; Path = 'trackings/post'; Wrap = { param($item) $item } }
        @{ Endpoint = 'POST /trackings/batch'; Path = 'trackings/batch'; Wrap = { param($item) [byte[]](@(0x5B) + $item + @(0x5D)) } }
    ) {
        $item = [byte[]](@([Text.Encoding]::ASCII.GetBytes('{"tracking_number":"RR1')) + @(0xFF, 0xFE) + @([Text.Encoding]::ASCII.GetBytes('","carrier_code":"china-post"}')))
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Post, "$($script:Emulator.BaseUri)/$Path")
        $null = $request.Headers.TryAddWithoutValidation('Trackingmore-Api-Key', $script:Key)
        $request.Content = [System.Net.Http.ByteArrayContent]::new([byte[]](& $Wrap $item))
        $request.Content.Headers.ContentType = [System.Net.Http.Headers.MediaTypeHeaderValue]::new('application/json')
        $text = Read-Text ($script:Http.SendAsync($request).GetAwaiter().GetResult())
        $text | Should -Match '4014'
        $text | Should -Not -Match '"code":500'
    }
}

Describe 'Fields are bounded as the service bounds them (issue 17)' {
    It 'refuses a <Field> of <Length> characters on <Path> with 4012, and stores nothing' -ForEach @(
        @{ Field = 'title'; Length = 256; Path = 'trackings/post' }
        @{ Field = 'customer_name'; Length = 25MB; Path = 'trackings/post' }
        @{ Field = 'comment'; Length = 256; Path = 'trackings/batch' }
    ) {
        $number = 'FB{0:D9}CN' -f (Get-Random -Maximum 999999999)
        $item = @{ tracking_number = $number; carrier_code = 'china-post'; $Field = 'x' * $Length }
        $json = if ($Path -eq 'trackings/batch') { ConvertTo-Json @($item) -Compress } else { $item | ConvertTo-Json -Compress }
        $text = Read-Text (Send-Raw "$($script:Emulator.BaseUri)/$Path" -Method POST -Body $json)
        $text | Should -Match '4012'
        (Read-Text (Send-Raw "$($script:Emulator.BaseUri)/trackings/get?numbers=$number") | ConvertFrom-Json).data.items.Count | Should -Be 0
    }

    It 'refuses an edit whose title is longer than 255 characters with 4012' {
        $number = 'FE{0:D9}CN' -f (Get-Random -Maximum 999999999)
        $null = Send-Raw "$($script:Emulator.BaseUri)/trackings/post" -Method POST -Body (@{ tracking_number = $number; carrier_code = 'china-post'; title = 'short' } | ConvertTo-Json -Compress)
        $text = Read-Text (Send-Raw "$($script:Emulator.BaseUri)/trackings/china-post/$number" -Method PUT -Body (@{ title = 'x' * 256 } | ConvertTo-Json -Compress))
        $text | Should -Match '4012'
        (Read-Text (Send-Raw "$($script:Emulator.BaseUri)/trackings/get?numbers=$number") | ConvertFrom-Json).data.items[0].title | Should -Be 'short'
    }
}
