using System.Net;
using System.Text;
using TrackingMore.Api;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// Every failure the transport raises has a reason, whatever the version's code for it: the error id comes from the
/// reason, and the service's own code and text stay on the exception.
/// </summary>
public class FailureReasonTests
{
    private static async Task<TrackingMoreApiException> FailureOf(HttpResponseMessage answer)
    {
        var client = Fixtures.Client(_ => answer);
        return await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.ListTrackingsAsync(new TrackingListQuery(), CallContext.None));
    }

    private static HttpResponseMessage Meta(int code, HttpStatusCode status = HttpStatusCode.OK) => new(status)
    {
        Content = new StringContent("{\"meta\":{\"code\":" + code + ",\"type\":\"Bad Request\",\"message\":\"said " + code + "\"},\"data\":[]}", Encoding.UTF8, "application/json"),
    };

    [Theory]
    [InlineData(4001, FailureReason.Unauthorized)]
    [InlineData(4002, FailureReason.Unauthorized)]
    [InlineData(401, FailureReason.Unauthorized)]
    [InlineData(4016, FailureReason.AlreadyExists)]
    [InlineData(409, FailureReason.AlreadyExists)]
    [InlineData(4017, FailureReason.NotFound)]
    [InlineData(4031, FailureReason.NotFound)]
    [InlineData(404, FailureReason.NotFound)]
    [InlineData(4015, FailureReason.UnknownCarrier)]
    [InlineData(4032, FailureReason.CarrierNotDetected)]
    [InlineData(4019, FailureReason.QuotaExceeded)]
    [InlineData(4021, FailureReason.QuotaExceeded)]
    [InlineData(402, FailureReason.QuotaExceeded)]
    [InlineData(4018, FailureReason.PermissionDenied)]
    [InlineData(403, FailureReason.PermissionDenied)]
    [InlineData(405, FailureReason.NotSupported)]
    [InlineData(4012, FailureReason.InvalidArgument)]
    [InlineData(4013, FailureReason.InvalidArgument)]
    [InlineData(4014, FailureReason.InvalidArgument)]
    [InlineData(4020, FailureReason.InvalidArgument)]
    [InlineData(4033, FailureReason.InvalidArgument)]
    [InlineData(500, FailureReason.ServerError)]
    [InlineData(429, FailureReason.RateLimited)]
    [InlineData(4999, FailureReason.ApiError)]
    public async Task AV2MetaCodeIsItsReasonAndStaysTheApiCode(int code, FailureReason reason)
    {
        var failure = await FailureOf(Meta(code));

        Assert.Equal(reason, failure.Reason);
        Assert.Equal("TrackingMore." + reason, failure.ErrorId);
        Assert.Equal(code, failure.ApiCode);
        Assert.Equal("said " + code, failure.ApiMessage);
        Assert.Equal("Bad Request", failure.ApiType);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, FailureReason.ServerError)]
    [InlineData(HttpStatusCode.BadGateway, FailureReason.ServerError)]
    [InlineData(HttpStatusCode.Unauthorized, FailureReason.Unauthorized)]
    [InlineData((HttpStatusCode)429, FailureReason.RateLimited)]
    [InlineData(HttpStatusCode.NotFound, FailureReason.InvalidResponse)]
    [InlineData(HttpStatusCode.BadRequest, FailureReason.InvalidResponse)]
    public async Task AnHttpErrorWithoutAnEnvelopeIsReasonedFromItsStatus(HttpStatusCode status, FailureReason reason)
    {
        var failure = await FailureOf(new HttpResponseMessage(status) { Content = new StringContent("<html>proxy page</html>") });

        Assert.Equal(reason, failure.Reason);
        Assert.Null(failure.ApiCode);
        Assert.Equal(status, failure.HttpStatus);
        Assert.Contains("<html>proxy page", failure.Message);
    }

    [Fact]
    public async Task AnEnvelopeThatClaimsSuccessInsideAnHttpErrorIsReasonedFromTheStatus()
    {
        var failure = await FailureOf(Meta(200, HttpStatusCode.InternalServerError));

        Assert.Equal((FailureReason.ServerError, 500), (failure.Reason, failure.ApiCode));
    }
}
