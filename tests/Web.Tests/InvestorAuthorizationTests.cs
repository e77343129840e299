using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Investors;
using TokenPlatform.Domain.Wallets;
using TokenPlatform.Infrastructure;
using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Web.Tests;

/// <summary>An investor cannot reach another investor's purchases, portfolio or exports by changing an id, through pages or API.</summary>
public sealed class InvestorAuthorizationTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>A confirmed purchase of the demo investor, written straight to the database.</summary>
    private async Task<Purchase> PurchaseOfDemoInvestorAsync()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var owner = await users.FindByEmailAsync("investor@demo.local");
        var wallet = await scope.ServiceProvider.GetRequiredService<IWalletService>().FindAsync(owner!.Id, CancellationToken.None);
        var terms = AssetTerms.Create(1_000, Money.FromMinorUnits(50_000_000).Value, 1, BasisPoints.Create(2_000).Value, BasisPoints.Create(0).Value).Value;
        var breakdown = PurchaseRules.Breakdown(terms, BasisPoints.Create(250).Value, 7).Value;
        var purchase = Purchase.Accept(Guid.CreateVersion7(), owner.Id, AssetId.New(), wallet!.Address, breakdown, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        purchase.Confirm("0x" + new string('e', 64), 42, DateTimeOffset.UtcNow);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(purchase);
        await db.SaveChangesAsync();
        return purchase;
    }

    /// <summary>A second investor account (the demo users have one per role).</summary>
    private async Task<HttpClient> OtherInvestorAsync()
    {
        var email = $"other-{Guid.NewGuid():N}@example.com";
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Other Investor", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, DemoUsers.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Investor)).Succeeded);
            await scope.ServiceProvider.GetRequiredService<IWalletService>().EnsureWalletAsync(user.Id, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        return await factory.LoggedInAsync(email);
    }

    [Fact]
    public async Task APurchase_IsReadableByItsOwnerOnly_OthersGet404_OtherRoles403_Anonymous401()
    {
        var purchase = await PurchaseOfDemoInvestorAsync();
        var path = Url($"/api/v1/purchases/{purchase.Id}");
        using var owner = await factory.LoggedInAsync("investor@demo.local");
        using var other = await OtherInvestorAsync();
        using var issuer = await factory.LoggedInAsync("issuer@demo.local");
        using var anonymous = factory.Anonymous();

        using var mine = await owner.GetAsync(path);
        using var theirs = await other.GetAsync(path);
        using var wrongRole = await issuer.GetAsync(path);
        using var nobody = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("\"quantity\":7", await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.DoesNotContain(purchase.BuyerAddress, await theirs.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
    }

    [Fact]
    public async Task ThePurchasePage_ShowsNothingOfAnotherInvestorsPurchase()
    {
        var purchase = await PurchaseOfDemoInvestorAsync();
        using var owner = await factory.LoggedInAsync("investor@demo.local");
        using var other = await OtherInvestorAsync();

        var mine = await owner.GetStringAsync(Url($"/purchases/{purchase.Id}"));
        var theirs = await other.GetStringAsync(Url($"/purchases/{purchase.Id}"));

        Assert.Contains("data-testid=\"purchase-quantity\"", mine, StringComparison.Ordinal);
        Assert.Contains("No such purchase among yours", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("purchase-quantity", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(purchase.TxHash!, theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortfolioAndExport_AreAlwaysTheCallersOwn()
    {
        var purchase = await PurchaseOfDemoInvestorAsync();
        using var owner = await factory.LoggedInAsync("investor@demo.local");
        using var other = await OtherInvestorAsync();

        var mineCsv = await owner.GetStringAsync(Url("/api/v1/portfolio/export.csv"));
        var theirCsv = await other.GetStringAsync(Url("/api/v1/portfolio/export.csv"));
        var theirPortfolio = await other.GetStringAsync(Url("/api/v1/portfolio"));
        var theirPage = await other.GetStringAsync(Url("/portfolio"));

        Assert.Contains(purchase.AssetId.ToString(), mineCsv, StringComparison.Ordinal);
        Assert.DoesNotContain(purchase.AssetId.ToString(), theirCsv, StringComparison.Ordinal);
        Assert.Single(theirCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)); // the header only
        Assert.DoesNotContain(purchase.TxHash!, theirPortfolio, StringComparison.Ordinal);
        Assert.DoesNotContain(purchase.TxHash!, theirPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("investor@demo.local", "/api/v1/admin/kyc")]
    [InlineData("issuer@demo.local", "/api/v1/portfolio")]
    [InlineData("creator@demo.local", "/api/v1/kyc")]
    [InlineData("admin@demo.local", "/api/v1/portfolio/export.csv")]
    public async Task OtherRoles_AreRefused(string email, string path)
    {
        using var client = await factory.LoggedInAsync(email);

        using var response = await client.GetAsync(Url(path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task KycSubmission_WithBadData_IsRefused_AndNothingIsStored()
    {
        using var scope = factory.Services.CreateScope();
        var sender = scope.ServiceProvider.GetRequiredService<Mediator.ISender>();
        await using var document = new MemoryStream([1, 2, 3]);

        var result = await sender.Send(new SubmitKyc("nobody", "I", "XX", new DateOnly(2020, 1, 1), "id.exe", "application/x-msdownload", 3, document));

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Equal(["CountryCode", "DateOfBirth", "Document", "FullName"], result.Error.Fields.Select(f => f.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IInvestorStore>().FindKycAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task KycDocuments_AreEncryptedAtRest_AndTheReviewerReadsTheOriginal()
    {
        var userId = Guid.NewGuid().ToString();
        var original = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4 PASSPORT NO X1234567 MARKER-" + userId);
        using var scope = factory.Services.CreateScope();
        var sender = scope.ServiceProvider.GetRequiredService<Mediator.ISender>();
        await using var document = new MemoryStream(original);

        var submitted = await sender.Send(new SubmitKyc(userId, "Ivy Investor", "PT", new DateOnly(1990, 1, 1), "passport.pdf", "application/pdf", original.Length, document));
        var kyc = await scope.ServiceProvider.GetRequiredService<IInvestorStore>().FindKycAsync(userId, CancellationToken.None);
        var onDisk = await File.ReadAllBytesAsync(Path.Combine(Path.GetFullPath(scope.ServiceProvider.GetRequiredService<DatabaseOptions>().DataDirectory), "files", kyc!.DocumentStorageKey));
        var read = await sender.Send(new GetKycDocument(kyc.Id));
        using var back = new MemoryStream();
        await read.Value.Content.CopyToAsync(back);

        Assert.True(submitted.IsSuccess);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(original)), kyc.DocumentSha256);
        Assert.DoesNotContain("MARKER-" + userId, System.Text.Encoding.ASCII.GetString(onDisk), StringComparison.Ordinal);
        Assert.Equal(original, back.ToArray());
    }
}
