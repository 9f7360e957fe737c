using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>
/// The v4 meta codes with their HTTP status and message, as api-v4.md's error table prints them (the SDK READMEs'
/// texts, verbatim). v4's HTTP statuses are real; an error's data is null.
/// </summary>
internal static class V4Codes
{
    public const int Success = 200;
    public const int RequestType = 400;
    public const int Unauthorized = 401;
    public const int Forbidden = 403;
    public const int NotFoundUrl = 404;
    public const int RateLimited = 429;
    public const int AlreadyExists = 4101;
    public const int NotExists = 4102;
    public const int TooMany = 4103;
    public const int InvalidNumber = 4110;
    public const int NumberRequired = 4111;
    public const int InvalidId = 4112;
    public const int RetrackNotAllowed = 4113;
    public const int InvalidCourier = 4120;
    public const int CannotDetect = 4121;
    public const int SpecialFields = 4122;
    public const int InvalidField = 4130;
    public const int InvalidAwb = 4160;
    public const int AirlineNotSupported = 4161;
    public const int QuotaUsedUp = 4190;
    public const int ServerError = 511;

    /// <summary>The most trackings one batch or one list filter may carry.</summary>
    public const int BulkLimit = 40;

    public static string Message(int code) => code switch
    {
        Success => "Request response is successful",
        RequestType => "Request type error. Please check the API documentation for the request type of this API.",
        AlreadyExists => "Tracking No. already exists.",
        NotExists => "Tracking No. no exists. Please use 「Create a tracking」 API first to create shipment.",
        TooMany => "You have exceeded the shipment quantity of API call. The maximum quantity is 40 shipments per call.",
        InvalidNumber => "The value of tracking_number is invalid.",
        NumberRequired => "Tracking_number is required.",
        InvalidId => "Invalid Tracking ID.",
        RetrackNotAllowed => "Retrack is not allowed. You can only retrack an expired tracking.",
        InvalidCourier => "The value of courier_code is invalid.",
        CannotDetect => "Cannot detect courier.",
        SpecialFields => "Missing or invalid value of the special required fields for this courier.",
        InvalidField => "The format of Field name is invalid.",
        InvalidAwb => "The awb_number is required or invaild format.",
        AirlineNotSupported => "The awb airline does not support yet.",
        QuotaUsedUp => "You are reaching the maximum quota limitation, please upgrade your current plan.",
        Unauthorized => "Authentication failed or has no permission. Please check and ensure your API Key is correct.",
        Forbidden => "Access prohibited. The request has been refused or access is not allowed.",
        NotFoundUrl => "Page does not exist. Please check and ensure your link is correct.",
        RateLimited => "Exceeded API request limits, please try again later. Please check the API documentation for the limit of this API.",
        >= 511 and <= 513 => "Server error. Please contact us: service@trackingmore.org.",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a v4 meta code"),
    };

    /// <summary>The HTTP status v4 answers with a meta code.</summary>
    public static int HttpStatus(int code) => code switch
    {
        Success => 200,
        Unauthorized or Forbidden or NotFoundUrl or RateLimited => code,
        >= 511 and <= 513 => 500,
        _ => 400,
    };

    /// <summary>Writes <c>{"meta":{code,message},"data":...}</c> with the code's HTTP status; null data writes <c>null</c>.</summary>
    public static Task WriteAsync(HttpContext http, RequestRecord record, int code, Action<Utf8JsonWriter>? data, int? httpStatus = null) =>
        WriteAsync(http, record, code, data is null ? null : w =>
        {
            data(w);
            return Task.CompletedTask;
        }, httpStatus);

    private static async Task WriteAsync(HttpContext http, RequestRecord record, int code, Func<Utf8JsonWriter, Task>? data, int? httpStatus)
    {
        record.MetaCode = code;
        http.Response.StatusCode = httpStatus ?? HttpStatus(code);
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var w = new Utf8JsonWriter(http.Response.BodyWriter, Envelope.WriterOptions);
        w.WriteStartObject();
        w.WriteStartObject("meta");
        w.WriteNumber("code", code);
        w.WriteString("message", Message(code));
        w.WriteEndObject();
        w.WritePropertyName("data");
        if (data is null) w.WriteNullValue();
        else await data(w);
        w.WriteEndObject();
        await w.FlushAsync();
    }

    /// <summary>A success answer too big to hold: <paramref name="data"/> flushes as it goes (<see cref="FlushAsync"/>).</summary>
    public static Task WriteStreamingAsync(IncomingRequest r, Func<Utf8JsonWriter, Task> data) =>
        WriteAsync(r.Http, r.Record, Success, data, null);

    /// <summary>Hands what is written to the socket, so a big page never sits whole in memory.</summary>
    public static async Task FlushAsync(IncomingRequest r, Utf8JsonWriter w)
    {
        await w.FlushAsync();
        await r.Http.Response.BodyWriter.FlushAsync(r.Http.RequestAborted);
    }

    /// <summary>A v4 error answer: the code's HTTP status and message, <c>data: null</c>.</summary>
    public static Task FailV4(this IncomingRequest r, int code) => WriteAsync(r.Http, r.Record, code, null);

    /// <summary>A v4 success answer (HTTP 200, meta 200).</summary>
    public static Task ReplyV4(this IncomingRequest r, Action<Utf8JsonWriter> data) => WriteAsync(r.Http, r.Record, Success, data);
}
