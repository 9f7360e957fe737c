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

    // TrackingWebhook.Check, the one call ConvertFrom-TrackingWebhook makes: read, signature, tracking, age and replay,
    // in that order. Each test signs a time of its own and names a number of its own, so the process's replay guard
    // (shared by every test) holds nothing another test put there.

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static WebhookVerification Verification(string? store = null) => new(Fixtures.Key(Email), TimeSpan.FromMinutes(5), store);

    private static string SignedBody(string number, string carrier = "dhl", DateTimeOffset? signedAt = null, string email = Email)
    {
        var timeStr = (signedAt ?? Now).ToUnixTimeSeconds().ToString();
        return "{\"data\":{\"tracking_number\":\"" + number + "\",\"carrier_code\":\"" + carrier + "\"}," +
               "\"verifyInfo\":{\"timeStr\":\"" + timeStr + "\",\"signature\":\"" + Sign(timeStr, email) + "\"}}";
    }

    private static string UniqueNumber() => "RR" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    [Fact]
    public void ASignedFreshBodyIsAcceptedOnceThenReplayed()
    {
        var number = UniqueNumber();
        var body = SignedBody(number);

        var first = TrackingWebhook.Check(body, Verification(), Now);
        var again = TrackingWebhook.Check(body, Verification(), Now);

        Assert.True(first.IsAccepted);
        Assert.Equal(number, first.Tracking!.TrackingNumber);
        Assert.Equal((WebhookRefusal?)WebhookRefusal.Replayed, again.Refusal);
        Assert.Equal(number, again.Tracking!.TrackingNumber);
    }

    [Fact]
    public void WithoutVerificationOnlyTheBodyAndItsTrackingAreChecked()
    {
        var unsigned = "{\"data\":{\"tracking_number\":\"" + UniqueNumber() + "\",\"carrier_code\":\"dhl\"}}";
        Assert.True(TrackingWebhook.Check(unsigned, null, Now).IsAccepted);
        Assert.True(TrackingWebhook.Check(unsigned, null, Now).IsAccepted); // no replay guard without a signature
        Assert.Equal((WebhookRefusal?)WebhookRefusal.TrackingInvalid, TrackingWebhook.Check(unsigned.Replace("dhl", "../x"), null, Now).Refusal);
    }

    [Theory]
    [InlineData("..", "dhl")]
    [InlineData("RR1234567890123456789012345678901234567890123456789", "dhl")]
    [InlineData("RR050349575PH", "../x")]
    [InlineData("RR 050349575PH", "dhl")]
    public void ATrackingTheServiceCouldNotSendIsRefusedBeforeTheReplayGuardRemembersIt(string number, string carrier)
    {
        var signedAt = Now.AddSeconds(-Random.Shared.Next(1, 200));
        var refused = TrackingWebhook.Check(SignedBody(number, carrier, signedAt), Verification(), Now);
        Assert.Equal((WebhookRefusal?)WebhookRefusal.TrackingInvalid, refused.Refusal);

        // The same signature with the same tracking, once it is one the service could send, was not remembered.
        var fixedNumber = TrackingRules.CheckNumber(number, out _) == TrackingNumberProblem.None ? number : UniqueNumber();
        var fixedCarrier = TrackingRules.IsCarrierCode(carrier) ? carrier : "dhl";
        Assert.True(TrackingWebhook.Check(SignedBody(fixedNumber, fixedCarrier, signedAt), Verification(), Now).IsAccepted);
    }

    [Fact]
    public void TheSignatureIsCheckedBeforeTheTrackingAndTheAge()
    {
        var forged = SignedBody("..", signedAt: Now.AddDays(-3), email: "someone@example.com");
        Assert.Equal((WebhookRefusal?)WebhookRefusal.SignatureInvalid, TrackingWebhook.Check(forged, Verification(), Now).Refusal);
        var unsigned = "{\"data\":{\"tracking_number\":\"" + UniqueNumber() + "\",\"carrier_code\":\"dhl\"}}";
        Assert.Equal((WebhookRefusal?)WebhookRefusal.SignatureMissing, TrackingWebhook.Check(unsigned, Verification(), Now).Refusal);
    }

    [Fact]
    public void AnOldOrTimelessSignatureIsRefusedWithItsSigningTime()
    {
        var signedAt = Now.AddMinutes(-6);
        var stale = TrackingWebhook.Check(SignedBody(UniqueNumber(), signedAt: signedAt), Verification(), Now);
        Assert.Equal((WebhookRefusal?)WebhookRefusal.Stale, stale.Refusal);
        Assert.Equal(signedAt.ToUnixTimeSeconds(), stale.SignedAt!.Value.ToUnixTimeSeconds());

        var timeless = "{\"data\":{\"tracking_number\":\"" + UniqueNumber() + "\",\"carrier_code\":\"dhl\"},\"verifyInfo\":{\"timeStr\":\"x\",\"signature\":\"" + Sign("x", Email) + "\"}}";
        Assert.Equal((WebhookRefusal?)WebhookRefusal.TimeInvalid, TrackingWebhook.Check(timeless, Verification(), Now).Refusal);
    }

    [Fact]
    public void ABodyThatIsNotAWebhookIsRefusedWithTheReadersFailure()
    {
        var outcome = TrackingWebhook.Check("{\"data\": {", Verification(), Now);
        Assert.Equal((WebhookRefusal?)WebhookRefusal.BodyInvalid, outcome.Refusal);
        Assert.IsType<FormatException>(outcome.Failure);
        Assert.Null(outcome.Tracking);
    }

    [Fact]
    public void AReplayStoreThatCannotBeUsedIsARefusalNotAnException()
    {
        var directory = Directory.CreateTempSubdirectory("webhook-store-").FullName;
        try
        {
            // A folder where the store file should be: it cannot be opened as one.
            var outcome = TrackingWebhook.Check(SignedBody(UniqueNumber()), Verification(directory), Now);
            Assert.Equal((WebhookRefusal?)WebhookRefusal.ReplayStoreFailed, outcome.Refusal);
            Assert.True(outcome.Failure is IOException or UnauthorizedAccessException, outcome.Failure?.GetType().Name);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
