namespace TrackingMore.Emulator;

/// <summary>
/// The meta codes of api-v2.md with their type and message, and the HTTP status used with --http-errors. The
/// messages are the status-code page's texts, verbatim: clients put them into their own exception texts.
/// </summary>
internal static class ApiCodes
{
    public const int Success = 200;
    public const int Created = 201;
    public const int NotFoundUrl = 404;
    public const int MethodNotAllowed = 405;
    public const int RateLimited = 429;
    public const int ServerError = 500;
    public const int Unauthorized = 4001;
    public const int MissingParameters = 4012;
    public const int NumberRequired = 4013;
    public const int InvalidNumber = 4014;
    public const int InvalidCarrier = 4015;
    public const int AlreadyExists = 4016;
    public const int NotExists = 4017;
    public const int TooMany = 4020;
    public const int QuotaUsedUp = 4021;
    public const int CannotDetect = 4032;
    public const int InvalidStatus = 4033;

    /// <summary>The most trackings one bulk call may carry (batch, updatemore, delete, notupdate; list filters).</summary>
    public const int BulkLimit = 40;

    /// <summary>
    /// The status-code page's text for 200. The captured answers of the tracking and carrier endpoints say
    /// "Success" instead (fixtures/*.json); the remote-area example says this (fixtures/remote-sample.json).
    /// </summary>
    public const string StatusPageSuccessMessage = "The request was successful.";

    public static (string Type, string Message) Describe(int code) => code switch
    {
        Success => ("Success", "Success"),
        Created => ("Created", "The request was successful and a resource was created."),
        NotFoundUrl => ("Not Found", "Resource was not found."),
        MethodNotAllowed => ("Method Not Allowed", "Requested method is not supported for the specified resource."),
        RateLimited => ("Too Many Requests", "Exceeded API limits. Pause requests, wait two minute, and try again."),
        // The status-code page's 500 row holds one text, "Server error"; the type is HTTP's name for 500.
        ServerError => ("Internal Server Error", "Server error"),
        Unauthorized => ("Unauthorized", "Invalid API key."),
        MissingParameters => ("Bad Request", "The request could not be understood or was missing required parameters."),
        NumberRequired => ("Bad Request", "Tracking_number is required."),
        InvalidNumber => ("Bad Request", "The value of `tracking_number` is invalid."),
        InvalidCarrier => ("Bad Request", "The value of `carrier_code` is invalid."),
        AlreadyExists => ("Bad Request", "Tracking already exists."),
        NotExists => ("Bad Request", "Tracking does not exist."),
        // Verbatim, although the limit the emulator enforces is 40 (api-v2.md "Limits").
        TooMany => ("Bad Request", "Up to 200 at a time"),
        QuotaUsedUp => ("Bad Request", "Remaining quota is deficient, or the 7-day free trial has expired. To continue using API, please recharge first."),
        CannotDetect => ("No Content", "Cannot detect courier. Assign your shipment a courier instead of by auto detection."),
        InvalidStatus => ("No Content", "The value of `package status` is invalid."),
        _ => ("Bad Request", "Bad request."),
    };

    /// <summary>The real HTTP status matching a meta code (only used with --http-errors).</summary>
    public static int HttpStatus(int code) => code switch
    {
        Success or Created => 200,
        Unauthorized => 401,
        RateLimited => 429,
        NotExists or CannotDetect or NotFoundUrl => 404,
        MethodNotAllowed => 405,
        AlreadyExists => 409,
        >= 500 and < 600 => code,
        _ => 400,
    };
}
