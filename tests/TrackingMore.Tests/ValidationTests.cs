using TrackingMore.Api;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>What Get-TrackingAirWaybill's validation attribute accepts: each number sent costs 20 quota.</summary>
public class ValidationTests
{
    [Theory]
    [InlineData("172-28891936", true)]
    [InlineData("172 28891936", true)]
    [InlineData("17228891936", true)]
    [InlineData("160-1234567", true)]    // 7 digits after the prefix
    [InlineData("1601234567", true)]
    [InlineData("172--28891936", false)]
    [InlineData("172-288919361", false)] // 9 digits
    [InlineData("172-123456", false)]    // 6 digits
    [InlineData("17-28891936", false)]   // 2-digit prefix
    [InlineData("ABC-28891936", false)]
    [InlineData(" 172-28891936", false)]
    [InlineData("172_28891936", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void AirWaybillNumberShape(string? number, bool valid) => Assert.Equal(valid, AirWaybillNumbers.IsValid(number));

    [Fact]
    public void AirWaybillKeyIgnoresTheSeparator() =>
        Assert.Equal(AirWaybillNumbers.Key("172-28891936"), AirWaybillNumbers.Key("172 28891936"));
}
