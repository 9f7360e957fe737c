namespace TrackingMore.Emulator;

/// <summary>The meta codes of api-v2.md with their type and message, and the HTTP status used with --http-errors.</summary>
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

    public static (string Type, string Message) Describe(int code) => code switch
    {
        Success => ("Success", "Success"),
        Created => ("Created", "The request was successful and a resource was created."),
        NotFoundUrl => ("Not Found", "The requested URL was not found."),
        MethodNotAllowed => ("Method Not Allowed", "The method is not allowed for this URL."),
        RateLimited => ("Too Many Requests", "Exceeded API limits. Pause requests, wait two minute, and try again."),
        ServerError => ("Internal Server Error", "Internal server error."),
        Unauthorized => ("Unauthorized", "Invalid API key."),
        MissingParameters => ("Bad Request", "Missing or unreadable parameters."),
        NumberRequired => ("Bad Request", "Tracking number is required."),
        InvalidNumber => ("Bad Request", "Tracking number is invalid."),
        InvalidCarrier => ("Bad Request", "The value of carrier_code is invalid."),
        AlreadyExists => ("Bad Request", "Tracking already exists."),
        NotExists => ("Bad Request", "Tracking does not exist."),
        TooMany => ("Bad Request", $"Up to {BulkLimit} items at a time."),
        QuotaUsedUp => ("Bad Request", "Your tracking quota is used up."),
        CannotDetect => ("No Content", "Cannot detect the carrier."),
        InvalidStatus => ("No Content", "Invalid package status."),
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
