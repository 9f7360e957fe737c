using System.Security.Cryptography;
using System.Text;
using TrackingMore.Api;
using TrackingMore.Models;
using TrackingMore.Serialization;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>Webhook bodies: read into the same Tracking as the API's answers, and their signatures checked.</summary>
public class WebhookTests
{
    private const string Email = "ops@example.com";
    private const string TimeStr = "1717171717";

    private static string Sign(string timeStr, string email) =>
        Convert.ToHexString(new HMACSHA256(Encoding.UTF8.GetBytes(email)).ComputeHash(Encoding.UTF8.GetBytes(timeStr))).ToLowerInvariant();

    private static string Body(string timeStr, string signature) =>
        "{\"meta\":{\"code\":200,\"type\":\"Success\",\"message\":\"Success\"}," +
        "\"data\":{\"id\":\"442f798ea35749e7605d1a73d4181a01\",\"tracking_number\":\"RE113184005HK\",\"carrier_code\":\"hong-kong-post\",\"status\":\"delivered\"," +
        "\"origin_info\":{\"trackinfo\":[{\"Date\":\"2015-10-09 00:00\",\"StatusDescription\":\"Posted\",\"Details\":\"HK\"}]}}," +
        "\"verifyInfo\":{\"timeStr\":\"" + timeStr + "\",\"signature\":\"" + signature + "\"}}";

    private static WebhookSignatureStatus Check(string body, string email = Email)
    {
        var message = WebhookReader.Read(body);
        return WebhookSignature.Check(message.TimeStr, message.Signature, Fixtures.Key(email));
    }

    [Fact]
    public void SignedBodyVerifiesAndGivesTheTracking()
    {
        var body = Body(TimeStr, Sign(TimeStr, Email));

        var message = WebhookReader.Read(body);

        Assert.Equal(WebhookSignatureStatus.Valid, Check(body));
        Assert.Equal("RE113184005HK", message.Tracking.TrackingNumber);
        Assert.Equal(TrackingStatus.Delivered, message.Tracking.Status);
        Assert.Equal("Posted", Assert.Single(message.Tracking.Events).Description);
    }

    [Fact]
    public void UpperCaseHexIsTheSameSignature() =>
        Assert.Equal(WebhookSignatureStatus.Valid, Check(Body(TimeStr, Sign(TimeStr, Email).ToUpperInvariant())));

    [Fact]
    public void OneCharacterChangedInTimeStrFails() =>
        Assert.Equal(WebhookSignatureStatus.Invalid, Check(Body("1717171718", Sign(TimeStr, Email))));

    [Fact]
    public void OneCharacterChangedInTheSignatureFails()
    {
        var signature = Sign(TimeStr, Email);
        var altered = (signature[^1] == '0' ? '1' : '0') + string.Empty;

        Assert.Equal(WebhookSignatureStatus.Invalid, Check(Body(TimeStr, signature[..^1] + altered)));
    }

    [Fact]
    public void AnotherAccountsEmailFails() =>
        Assert.Equal(WebhookSignatureStatus.Invalid, Check(Body(TimeStr, Sign(TimeStr, Email)), "someone@example.com"));

    [Theory]
    [InlineData("not hex at all")]
    [InlineData("abcd")]
    public void SignatureThatIsNotAnHmacFails(string signature) =>
        Assert.Equal(WebhookSignatureStatus.Invalid, Check(Body(TimeStr, signature)));

    [Fact]
    public void BodyWithoutVerifyInfoIsMissing() =>
        Assert.Equal(WebhookSignatureStatus.Missing, Check("{\"meta\":{\"code\":200},\"data\":{\"tracking_number\":\"A1\",\"carrier_code\":\"dhl\"}}"));

    [Fact]
    public void EmptySignatureIsMissing() => Assert.Equal(WebhookSignatureStatus.Missing, Check(Body(TimeStr, "")));

    [Fact]
    public void TrackingAtTheRootIsReadWithoutTheEnvelopeFields()
    {
        var body = "{\"tracking_number\":\"A1\",\"carrier_code\":\"dhl\",\"status\":\"transit\",\"weight\":\"2kg\"," +
                   "\"verifyInfo\":{\"timeStr\":\"" + TimeStr + "\",\"signature\":\"" + Sign(TimeStr, Email) + "\"}}";

        var message = WebhookReader.Read(body);

        Assert.Equal(("A1", "dhl", TrackingStatus.Transit), (message.Tracking.TrackingNumber, message.Tracking.CarrierCode, message.Tracking.Status));
        Assert.Equal(new[] { "weight" }, message.Tracking.AdditionalProperties.Keys);
        Assert.Equal(WebhookSignatureStatus.Valid, Check(body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"data\":")]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("[1,2]")]
    [InlineData("{\"meta\":{\"code\":200}}")]
    public void BodyThatIsNotAWebhookIsRefused(string body) => Assert.Throws<FormatException>(() => WebhookReader.Read(body));

    [Fact]
    public void FixedTimeEqualsComparesEveryByte()
    {
        Assert.True(WebhookSignature.FixedTimeEquals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 }));
        Assert.False(WebhookSignature.FixedTimeEquals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 4 }));
        Assert.False(WebhookSignature.FixedTimeEquals(new byte[] { 9, 2, 3 }, new byte[] { 1, 2, 3 }));
        Assert.False(WebhookSignature.FixedTimeEquals(new byte[] { 1, 2 }, new byte[] { 1, 2, 3 }));
    }
}
