@{
    # The module's version lives here and nowhere else: build.ps1 reads it and stamps the assembly with it.
    ModuleVersion        = '0.1.0'
    RootModule           = 'TrackingMore.dll'
    GUID                 = '5d0f3b8e-6a4c-4f7e-9b1d-2c8a7e4f9a61'
    Author               = 'TrackingMore for PowerShell contributors'
    CompanyName          = 'TrackingMore for PowerShell'
    Copyright            = '(c) 2026 TrackingMore for PowerShell contributors. MIT licence (LICENSE).'
    Description          = 'Cmdlets for the TrackingMore shipment-tracking API (v2): create, list, update and remove trackings, page through an account at the rate limit, detect carriers, and an offline emulator for tests and demos.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('TrackingMore.Format.ps1xml')
    TypesToProcess       = @('TrackingMore.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-TrackingMore'
        'Disconnect-TrackingMore'
        'Get-TrackingMoreConnection'
        'Get-Tracking'
        'New-Tracking'
        'Remove-Tracking'
        'Set-Tracking'
        'Update-TrackingCarrier'
        'Stop-TrackingUpdate'
        'Invoke-RealtimeTracking'
        'Get-TrackingStatusCount'
        'Get-TrackingAccount'
        'Test-TrackingRemoteArea'
        'Get-TrackingTransitTime'
        'Get-TrackingAirWaybill'
        'Get-TrackingCarrier'
        'Find-TrackingCarrier'
        'ConvertFrom-TrackingWebhook'
        'ConvertTo-TrackingCsvSafe'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('TrackingMore', 'Shipping', 'Tracking', 'Logistics', 'Parcel', 'API', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/trackingmore-powershell/TrackingMore'
            LicenseUri   = 'https://github.com/trackingmore-powershell/TrackingMore/blob/main/LICENSE'
            ReleaseNotes = 'First release, for Windows PowerShell 5.1 and PowerShell 7.4 or later. Connection: Connect-TrackingMore, Disconnect-TrackingMore, Get-TrackingMoreConnection. Trackings: Get-Tracking (filters, paging at the rate limit), New-Tracking, Set-Tracking, Remove-Tracking (40 a request), Update-TrackingCarrier, Stop-TrackingUpdate, Invoke-RealtimeTracking, Get-TrackingStatusCount. Account and routes: Get-TrackingAccount, Test-TrackingRemoteArea, Get-TrackingTransitTime, Get-TrackingAirWaybill. Carriers: Get-TrackingCarrier, Find-TrackingCarrier. Webhooks: ConvertFrom-TrackingWebhook. Reports: ConvertTo-TrackingCsvSafe, so that a CSV of server data cannot start a formula in a spreadsheet. Error ids name the reason, the same on every API version, instead of the API''s codes (the exception keeps them as ApiCode and ApiMessage): TrackingMore.4001/4002/401 are now TrackingMore.Unauthorized; 4016/409 AlreadyExists; 4017/4031/404 NotFound; 4015 UnknownCarrier; 4032 CarrierNotDetected; 4019/4021/402 QuotaExceeded; 4018/403 PermissionDenied; 405 NotSupported; 4012/4013/4014/4020/4033 InvalidArgument; 500 to 599 and Http500 to Http599 ServerError; other Http4xx InvalidResponse (Http401 Unauthorized, Http429 RateLimited); any other code ApiError (about_TrackingMore has the table). Connect-TrackingMore -ApiVersion (V2, the default and only version yet): the connection shows ApiVersion and Capabilities, and a cmdlet whose operation the version lacks fails with TrackingMore.NotSupported before sending anything. The client library: TrackingMoreClient.MaxBulkItems, ConnectionSettings.PublicBaseUri and PublishedRateLimits give way to ApiCapabilities (client.Capabilities: BatchSize, MaxPageSize, MaxListValues, RateLimitOf) and ConnectionSettings.PublicBaseUriOf(version); TrackingStatusChange no longer has the v2 numbers as its values.'
        }
    }
}
