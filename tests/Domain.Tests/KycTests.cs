using TokenPlatform.Domain.Investors;

namespace TokenPlatform.Domain.Tests;

public class KycTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly KycDocument Passport = new("passport.pdf", "application/pdf", "kyc/u/1-passport.pdf", new string('a', 64));

    [Fact]
    public void EighteenToday_IsAccepted_OneDayShort_IsRefused()
    {
        Assert.Empty(KycApplication.CheckPersonalData("Ivy Investor", "PT", new DateOnly(2008, 11, 26), Today));
        var refused = KycApplication.CheckPersonalData("Ivy Investor", "PT", new DateOnly(2008, 11, 27), Today);
        Assert.Contains("at least 18", Assert.Single(refused).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "PT", "2000-01-01", "FullName")]
    [InlineData("Ivy", "", "2000-01-01", "CountryCode")]
    [InlineData("Ivy", "KP", "2000-01-01", "CountryCode")]
    [InlineData("Ivy", "PT", "2027-01-01", "DateOfBirth")]
    [InlineData("Ivy", "PT", "1890-01-01", "DateOfBirth")]
    public void BadPersonalData_IsRefusedOnItsField(string name, string country, string born, string field) =>
        Assert.Contains(KycApplication.CheckPersonalData(name, country, DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), Today), e => e.Field == field);

    [Theory]
    [InlineData("id.exe", "application/x-msdownload", 1_000)]
    [InlineData("id.pdf", "application/pdf", 10 * 1024 * 1024 + 1)]
    [InlineData("id.pdf", "application/pdf", 0)]
    [InlineData("", "", 0)]
    public void BadDocuments_AreRefused(string name, string type, long size) =>
        Assert.Equal("Document", Assert.Single(KycApplication.CheckDocument(name, type, size)).Field);

    [Fact]
    public void Lifecycle_PendingThenRejected_ThenResubmitted_ThenApproved_IsFinal()
    {
        var kyc = KycApplication.Submit("user-1", " Ivy Investor ", Countries.Find("pt")!, new DateOnly(1990, 1, 1), Passport, Now);
        Assert.Equal((false, "Your identity check is waiting for an administrator's review. You can buy as soon as it is approved."), InvestorVerification.Describe(kyc, Now));
        Assert.Equal("Ivy Investor", kyc.FullName);
        Assert.Equal("PT", kyc.CountryCode);

        Assert.True(kyc.Reject("admin", "The photo is unreadable", Now).IsSuccess);
        Assert.Contains("The photo is unreadable", InvestorVerification.Describe(kyc, Now).Hint, StringComparison.Ordinal);
        Assert.True(kyc.Resubmit("Ivy Investor", Countries.Find("PT")!, new DateOnly(1990, 1, 1), Passport, Now).IsSuccess);
        Assert.True(kyc.Approve("admin", Guid.NewGuid(), Guid.NewGuid(), Now).IsSuccess);

        Assert.True(InvestorVerification.Describe(kyc, Now).Verified);
        Assert.False(InvestorVerification.Describe(kyc, Now.AddDays(366)).Verified);
        Assert.False(kyc.Resubmit("Someone Else", Countries.Find("PT")!, new DateOnly(1990, 1, 1), Passport, Now).IsSuccess);
        Assert.False(kyc.Approve("admin", Guid.NewGuid(), Guid.NewGuid(), Now).IsSuccess);
    }

    [Fact]
    public void Reject_NeedsAReason() =>
        Assert.Equal("Reason", KycApplication.Submit("u", "Ivy", Countries.Find("PT")!, new DateOnly(1990, 1, 1), Passport, Now).Reject("admin", "  ", Now).Error!.Fields[0].Field);
}
